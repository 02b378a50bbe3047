/** The privacy lib's notion of "now" (erasure's future meetings, retention); tests replace it. */
export const PRIVACY_CLOCK = Symbol('PRIVACY_CLOCK');
export interface PrivacyClock {
  now(): Date;
}
