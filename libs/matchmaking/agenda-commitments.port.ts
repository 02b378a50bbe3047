/**
 * What the agenda tells matchmaking: the times a person is busy because they speak, moderate,
 * host a round table or hold a seat in a session. Matchmaking depends on this port, not on the
 * agenda library, so either can change without the other.
 */
export const AGENDA_COMMITMENTS = Symbol('AGENDA_COMMITMENTS');

export interface AgendaCommitment {
  accountId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

export interface AgendaCommitments {
  commitments(eventId: string, accountIds: string[]): Promise<AgendaCommitment[]>;
}

/** Used where no agenda is wired in: nobody has commitments. */
export const noAgendaCommitments: AgendaCommitments = {
  commitments: async () => [],
};
