export { EventEntity, EventStatus } from './entities/event.entity.js';
export { ParticipantRole, ParticipationEntity, ParticipationStatus } from './entities/participation.entity.js';
export { EventAccessService, isUuid } from './event-access.service.js';
export { EventsException, EventsReason } from './events.exception.js';
export { EventsModule } from './events.module.js';
export { type CreateEventInput, type EventDetailsInput, EventsService, type Page } from './events.service.js';
export { type ImportReport, ImportMode, type ImportRowResult, ImportRowOutcome, ParticipantImportService } from './participant-import.service.js';
export { type ParticipationFilter, ParticipationsService } from './participations.service.js';
