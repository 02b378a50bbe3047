export { AGENDA_COMMITMENTS, type AgendaCommitment, type AgendaCommitments, noAgendaCommitments } from './agenda-commitments.port.js';
export { AgendaWindowsService } from './agenda-windows.service.js';
export { AvailabilityService, type SlotAvailability, type SlotProposal, SlotState } from './availability.service.js';
export { AvailabilityBlockEntity } from './entities/availability-block.entity.js';
export { EntryDirection, EntryKind, MarketplaceEntryEntity } from './entities/marketplace-entry.entity.js';
export { DEFAULT_VISIBILITY, FieldAudience, MatchmakingProfileEntity, ProfileField } from './entities/matchmaking-profile.entity.js';
export { MatchmakingMode, MatchmakingSettingsEntity, type MeetingWindow } from './entities/matchmaking-settings.entity.js';
export { MeetingRequestEntity, MeetingRequestStatus } from './entities/meeting-request.entity.js';
export { MeetingSlotEntity } from './entities/meeting-slot.entity.js';
export { MeetingEntity, MeetingStatus } from './entities/meeting.entity.js';
export { MatchmakingAccessService } from './matchmaking-access.service.js';
export { type CancelledForErasure, MatchmakingPersonalDataService } from './matchmaking-personal-data.service.js';
export { MATCHMAKING_CLOCK, type MatchmakingClock, systemClock } from './matchmaking-clock.js';
export {
  type CardOrganisation,
  type CardPage,
  type DirectoryFilter,
  type EntryInput,
  MatchmakingProfilesService,
  type ParticipantCard,
  type ProfileInput,
} from './matchmaking-profiles.service.js';
export { defaultSettings, MatchmakingSettingsService, type MatchmakingSettingsInput } from './matchmaking-settings.service.js';
export { MatchmakingException, MatchmakingReason } from './matchmaking.exception.js';
export { type MatchmakingDomainEvent, MatchmakingEvents, type MatchmakingListener, type MeetingSnapshot, type RequestSnapshot } from './matchmaking-events.js';
export { MatchmakingModule } from './matchmaking.module.js';
export { generateSlots } from './meeting-slots.js';
export { type AcceptResult, MeetingRequestsService, RequestDirection, type SendRequestInput, type UpdateRequestInput } from './meeting-requests.service.js';
export { type CalendarMeetingView, type MeetingFilter, MeetingsService } from './meetings.service.js';
export {
  buildIndex,
  DEFAULT_WEIGHTS,
  rankCandidates,
  rankWithIndex,
  type RecommendationIndex,
  ReasonKind,
  type RecommendationReason,
  type RecommendationWeights,
  type ScoredCandidate,
  type ScoringProfile,
} from './recommendation-scoring.js';
export { type Recommendation, RecommendationsService } from './recommendations.service.js';
export { SchedulingRunException, SchedulingRunReason } from './scheduling-run.exception.js';
export { SchedulingRunsModule, SchedulingRunWorkerModule } from './scheduling-runs.module.js';
export {
  type DraftAssignment,
  type DraftUnplaced,
  SCHEDULING_RUN_QUEUE,
  type SchedulingPerson,
  type SchedulingRunOptions,
  SchedulingRunStatus,
  SchedulingRunsService,
  type SchedulingRunView,
} from './scheduling-runs.service.js';
