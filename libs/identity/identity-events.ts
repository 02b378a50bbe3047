import { Injectable } from '@nestjs/common';
import { TransactionalEvents } from '../common/index.js';

/**
 * Someone asked for a link to set a new password. `token` is the link's secret, known only to
 * this event and the message made from it (the database keeps its hash).
 */
export interface PasswordResetRequested {
  type: 'password-reset.requested';
  accountId: string;
  resetId: string;
  token: string;
  expiresAt: Date;
}

/** An organiser invited someone who has no password yet (an imported participant) to set one. */
export interface AccountInvited {
  type: 'account.invited';
  accountId: string;
  resetId: string;
  token: string;
  expiresAt: Date;
  /** The event whose organisers invited them: the message speaks of it. */
  eventId: string;
}

export type IdentityDomainEvent = PasswordResetRequested | AccountInvited;

/** Identity's changes for the libraries above it (notifications), inside the changing transaction. */
@Injectable()
export class IdentityEvents extends TransactionalEvents<IdentityDomainEvent> {}
