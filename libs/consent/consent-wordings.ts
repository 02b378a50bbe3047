/**
 * The consent wordings people may agree to, by version. A registration names the version it
 * showed; only versions listed here are accepted, so the record says exactly what was agreed to.
 * Add a new version when the wording changes; never edit a published one.
 */
export enum ConsentPurpose {
  ACCOUNT = 'ACCOUNT',
  EVENT_REGISTRATION = 'EVENT_REGISTRATION',
}

export const CONSENT_WORDINGS: Record<ConsentPurpose, Record<string, string>> = {
  [ConsentPurpose.ACCOUNT]: {
    '2026-11':
      'I agree that ClusterMeet stores my name, contact details, organisation and job title to run my account, and that I can download or delete my data at any time.',
  },
  [ConsentPurpose.EVENT_REGISTRATION]: {
    '2026-11':
      'I agree that the organisers and other approved participants see my name, organisation and job title for this event.',
  },
};

/** The version a client should show today (apps/web/src/i18n shows these texts). */
export const CURRENT_CONSENT_VERSION = '2026-11';
