import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/index.js';
import { EventsModule } from '../events/index.js';
import { MatchmakingModule } from '../matchmaking/index.js';
import { CalendarFeedTokensService } from './calendar-feed-tokens.service.js';
import { CALENDAR_CLOCK, CalendarFeedsService } from './calendar-feeds.service.js';

@Module({
  imports: [EventsModule, AgendaModule, MatchmakingModule],
  providers: [CalendarFeedsService, CalendarFeedTokensService, { provide: CALENDAR_CLOCK, useValue: { now: () => new Date() } }],
  exports: [CalendarFeedsService, CalendarFeedTokensService],
})
export class CalendarModule {}
