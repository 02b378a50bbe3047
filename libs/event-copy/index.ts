export { EventCopyModule } from './event-copy.module.js';
export { type EventCopyReport, EventCopyService } from './event-copy.service.js';
