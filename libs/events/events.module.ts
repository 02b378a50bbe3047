import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/index.js';
import { EventEntity } from './entities/event.entity.js';
import { ParticipationEntity } from './entities/participation.entity.js';
import { EventAccessService } from './event-access.service.js';
import { EventsService } from './events.service.js';
import { ParticipantImportService } from './participant-import.service.js';
import { ParticipationsService } from './participations.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([EventEntity, ParticipationEntity]), IdentityModule],
  providers: [EventsService, EventAccessService, ParticipationsService, ParticipantImportService],
  exports: [EventsService, EventAccessService, ParticipationsService, ParticipantImportService],
})
export class EventsModule {}
