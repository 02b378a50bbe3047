import { IdentityException } from './identity.exception.js';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Trims an e-mail address and checks its shape; case is kept, uniqueness ignores it. */
export function normaliseEmail(raw: string, field = 'email'): string {
  const email = raw.trim();
  if (email.length > 254 || !EMAIL.test(email)) throw IdentityException.invalidEmail(field);
  return email;
}

/** ISO 3166-1 alpha-2 in upper case, or null when absent. */
export function normaliseCountry(raw: string | null | undefined, field = 'country'): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  const country = raw.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw IdentityException.invalidCountry(field);
  return country;
}
