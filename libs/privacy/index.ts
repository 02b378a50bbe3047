export { PRIVACY_CLOCK, type PrivacyClock } from './privacy-clock.js';
export { PRIVACY_RETENTION_QUEUE, PrivacyRetentionWorker } from './privacy-retention.worker.js';
export { PrivacyException, PrivacyReason } from './privacy.exception.js';
export { PrivacyModule, PrivacyWorkerModule } from './privacy.module.js';
export { type ErasureResult, type EventRetentionView, EXPORT_FORMAT_VERSION, PrivacyService } from './privacy.service.js';
