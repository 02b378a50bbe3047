import { AgendaPersonalDataService } from './agenda-personal-data.service.js';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../events/index.js';
import { AgendaEvents } from './agenda-events.js';
import { AgendaService } from './agenda.service.js';
import { RoomEntity } from './entities/room.entity.js';
import { RoundTableEntity } from './entities/round-table.entity.js';
import { SeatEntity } from './entities/seat.entity.js';
import { SessionChangeEntity } from './entities/session-change.entity.js';
import { SessionPersonEntity } from './entities/session-person.entity.js';
import { SessionEntity } from './entities/session.entity.js';
import { TrackEntity } from './entities/track.entity.js';
import { ProgrammeService } from './programme.service.js';
import { SeatingService } from './seating.service.js';
import { SessionAudienceService } from './session-audience.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([RoomEntity, TrackEntity, SessionEntity, SessionPersonEntity, RoundTableEntity, SeatEntity, SessionChangeEntity]),
    EventsModule,
  ],
  providers: [AgendaPersonalDataService, AgendaEvents, AgendaService, ProgrammeService, SeatingService, SessionAudienceService],
  exports: [AgendaPersonalDataService, AgendaEvents, AgendaService, ProgrammeService, SeatingService, SessionAudienceService],
})
export class AgendaModule {}
