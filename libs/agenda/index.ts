export {
  type AgendaDomainEvent,
  AgendaEvents,
  type AgendaListener,
  type AgendaTransactionalEvent,
  type AgendaTransactionalListener,
  type SeatPromotedEvent,
  type SeatTakenEvent,
  type SessionChangedEvent,
} from './agenda-events.js';
export { SessionAudienceGroup, type SessionAudienceMember, SessionAudienceService, type SessionGroupMember, type SessionSummary } from './session-audience.service.js';
export { renderAgendaCsv, renderAgendaHtml } from './agenda-export.js';
export { type FrabAttachment, type FrabContext, renderFrabJson, renderFrabXml } from './frab-export.js';
export { AgendaException, AgendaReason } from './agenda.exception.js';
export { AgendaModule } from './agenda.module.js';
export { AgendaService, type CalendarSessionView } from './agenda.service.js';
export {
  type AgendaConflict,
  type AgendaDayView,
  type AgendaFilter,
  type AgendaView,
  type Commitment,
  CommitmentReason,
  ConflictKind,
  ConflictSeverity,
  MyAgendaReason,
  type MyAgendaItemView,
  type RoomView,
  type RoundTableView,
  type SeatView,
  type SessionChangeView,
  type SessionPersonView,
  type SessionView,
  type TableMateView,
  type TrackView,
} from './agenda.views.js';
export { RoomEntity } from './entities/room.entity.js';
export { RoundTableEntity } from './entities/round-table.entity.js';
export { SeatStatus } from './entities/seat.entity.js';
export { SessionRole } from './entities/session-person.entity.js';
export { SessionStatus, SessionType } from './entities/session.entity.js';
export { TrackEntity } from './entities/track.entity.js';
export { type ProgrammeCopyCounts, ProgrammeService, type RoomInput, type RoundTableInput, type SessionInput, type SessionPersonInput, type TrackInput } from './programme.service.js';
export { SeatingService } from './seating.service.js';
export { datesBetween, describeSpan, eventBounds, zonedDate, zonedInstant, zonedTime } from '../common/index.js';
export { AgendaPersonalDataService } from './agenda-personal-data.service.js';
