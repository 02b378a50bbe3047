export { CONSENT_WORDINGS, ConsentPurpose, CURRENT_CONSENT_VERSION } from './consent-wordings.js';
export { ConsentModule } from './consent.module.js';
export { type ConsentRecord, ConsentsService } from './consents.service.js';
