import { DomainException } from '../common/index.js';
import { CONSENT_WORDINGS, ConsentPurpose, CURRENT_CONSENT_VERSION } from './consent-wordings.js';
import { ConsentsService } from './consents.service.js';

describe('ConsentsService.assertValid', () => {
  const consents = new ConsentsService();

  it('accepts the current wording of each purpose', () => {
    for (const purpose of Object.values(ConsentPurpose)) {
      expect(CONSENT_WORDINGS[purpose][CURRENT_CONSENT_VERSION]).toBeTruthy();
      expect(consents.assertValid(purpose, ` ${CURRENT_CONSENT_VERSION} `, 'consentVersion')).toBe(CURRENT_CONSENT_VERSION);
    }
  });

  it.each([undefined, null, '', '   ', 42, '1999-01', 'toString', '__proto__'])('refuses %p as BAD_USER_INPUT on the given field', (version) => {
    try {
      consents.assertValid(ConsentPurpose.ACCOUNT, version, 'input.consentVersion');
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainException);
      expect(error).toMatchObject({ kind: 'BAD_USER_INPUT', field: 'input.consentVersion' });
    }
  });
});
