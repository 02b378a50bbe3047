import { ConsentModule } from '../consent/index.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/index.js';
import { IdentityModule } from '../identity/index.js';
import { EventEntity } from './entities/event.entity.js';
import { ParticipationEntity } from './entities/participation.entity.js';
import { EventAccessService } from './event-access.service.js';
import { EventAuditLogService } from './event-audit-log.service.js';
import { EventsService } from './events.service.js';
import { ParticipantImportService } from './participant-import.service.js';
import { ParticipationEvents } from './participation-events.js';
import { ParticipationsService } from './participations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([EventEntity, ParticipationEntity]), IdentityModule, AuditModule, ConsentModule],
  providers: [EventsService, EventAccessService, ParticipationsService, ParticipantImportService, ParticipationEvents, EventAuditLogService],
  exports: [EventsService, EventAccessService, ParticipationsService, ParticipantImportService, ParticipationEvents, EventAuditLogService],
})
export class EventsModule {}
