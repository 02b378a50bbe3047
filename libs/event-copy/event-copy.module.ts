import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/index.js';
import { AuditModule } from '../audit/index.js';
import { EventsModule } from '../events/index.js';
import { MatchmakingModule } from '../matchmaking/index.js';
import { MaterialsModule } from '../materials/index.js';
import { NotificationsModule } from '../notifications/index.js';
import { PrivacyModule } from '../privacy/index.js';
import { EventCopyService } from './event-copy.service.js';

/** Starting an event from an earlier one; sits above the domain libraries it orchestrates. */
@Module({
  imports: [EventsModule, AgendaModule, MatchmakingModule, MaterialsModule, NotificationsModule, PrivacyModule, AuditModule],
  providers: [EventCopyService],
  exports: [EventCopyService],
})
export class EventCopyModule {}
