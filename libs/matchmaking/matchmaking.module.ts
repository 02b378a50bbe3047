import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgendaModule, AgendaService } from '../agenda/index.js';
import { EventsModule } from '../events/index.js';
import { agendaCommitmentsFrom } from './agenda-commitments.adapter.js';
import { AGENDA_COMMITMENTS } from './agenda-commitments.port.js';
import { AgendaWindowsService } from './agenda-windows.service.js';
import { AvailabilityService } from './availability.service.js';
import { AvailabilityBlockEntity } from './entities/availability-block.entity.js';
import { MarketplaceEntryEntity } from './entities/marketplace-entry.entity.js';
import { MatchmakingProfileEntity } from './entities/matchmaking-profile.entity.js';
import { MatchmakingSettingsEntity } from './entities/matchmaking-settings.entity.js';
import { MeetingRequestEntity } from './entities/meeting-request.entity.js';
import { MeetingSlotEntity } from './entities/meeting-slot.entity.js';
import { MeetingEntity } from './entities/meeting.entity.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingEvents } from './matchmaking-events.js';
import { MATCHMAKING_CLOCK, systemClock } from './matchmaking-clock.js';
import { MatchmakingPersonalDataService } from './matchmaking-personal-data.service.js';
import { MatchmakingProfilesService } from './matchmaking-profiles.service.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';
import { MeetingRequestsService } from './meeting-requests.service.js';
import { MeetingsService } from './meetings.service.js';
import { RecommendationsService } from './recommendations.service.js';

const services = [
  MatchmakingPersonalDataService,
  MatchmakingAccessService,
  MatchmakingSettingsService,
  MatchmakingProfilesService,
  AvailabilityService,
  MeetingsService,
  MeetingRequestsService,
  RecommendationsService,
  AgendaWindowsService,
  MatchmakingEvents,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([
      MatchmakingSettingsEntity,
      MeetingSlotEntity,
      MatchmakingProfileEntity,
      MarketplaceEntryEntity,
      AvailabilityBlockEntity,
      MeetingRequestEntity,
      MeetingEntity,
    ]),
    EventsModule,
    AgendaModule,
  ],
  providers: [
    ...services,
    { provide: MATCHMAKING_CLOCK, useValue: systemClock },
    // Slots are blocked where the agenda has people speaking, moderating, hosting or seated.
    { provide: AGENDA_COMMITMENTS, useFactory: agendaCommitmentsFrom, inject: [AgendaService] },
  ],
  exports: [...services, MATCHMAKING_CLOCK],
})
export class MatchmakingModule {}
