import { Injectable } from '@nestjs/common';
import { type EntityManager } from 'typeorm';
import { CommonException } from '../common/index.js';
import { CONSENT_WORDINGS, ConsentPurpose } from './consent-wordings.js';

export interface ConsentRecord {
  id: string;
  purpose: ConsentPurpose;
  eventId: string | null;
  wordingVersion: string;
  wording: string;
  givenAt: Date;
}

/**
 * Records consent inside the caller's transaction (the account or participation and its consent
 * commit together). Refuses a missing or unknown wording version with BAD_USER_INPUT on `field`.
 */
@Injectable()
export class ConsentsService {
  /** Throws BAD_USER_INPUT naming `field` unless `version` is a known wording for `purpose`. */
  assertValid(purpose: ConsentPurpose, version: unknown, field: string): string {
    if (typeof version !== 'string' || version.trim() === '') {
      throw CommonException.invalidInput(field, 'Consent is required: send the version of the consent wording the person agreed to.');
    }
    const trimmed = version.trim();
    // Own keys only: 'toString' or '__proto__' must not pass as a version.
    if (!Object.hasOwn(CONSENT_WORDINGS[purpose], trimmed)) {
      throw CommonException.invalidInput(field, `Unknown consent wording version; known: ${Object.keys(CONSENT_WORDINGS[purpose]).join(', ')}.`);
    }
    return trimmed;
  }

  async record(
    manager: EntityManager,
    input: { accountId: string; purpose: ConsentPurpose; eventId?: string | null; version: string; field: string },
  ): Promise<void> {
    const version = this.assertValid(input.purpose, input.version, input.field);
    await manager.query(`INSERT INTO consents (account_id, event_id, purpose, wording_version) VALUES ($1, $2, $3, $4)`, [
      input.accountId,
      input.eventId ?? null,
      input.purpose,
      version,
    ]);
  }

  /** Every consent the account gave, oldest first, with the wording it agreed to. */
  async listForAccount(manager: EntityManager, accountId: string): Promise<ConsentRecord[]> {
    const rows: { id: string; purpose: ConsentPurpose; event_id: string | null; wording_version: string; given_at: Date }[] = await manager.query(
      `SELECT id, purpose, event_id, wording_version, given_at FROM consents WHERE account_id = $1 ORDER BY given_at, id`,
      [accountId],
    );
    return rows.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      eventId: r.event_id,
      wordingVersion: r.wording_version,
      wording: Object.hasOwn(CONSENT_WORDINGS[r.purpose] ?? {}, r.wording_version) ? CONSENT_WORDINGS[r.purpose][r.wording_version] : '',
      givenAt: r.given_at,
    }));
  }
}
