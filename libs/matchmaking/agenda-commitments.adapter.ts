import { AgendaService, CommitmentReason } from '../agenda/index.js';
import { type AgendaCommitments } from './agenda-commitments.port.js';

const WORDS: Record<CommitmentReason, string> = {
  [CommitmentReason.SPEAKER]: 'speaking in an agenda session',
  [CommitmentReason.MODERATOR]: 'moderating an agenda session',
  [CommitmentReason.PANELLIST]: 'on a panel in an agenda session',
  [CommitmentReason.HOST]: 'hosting an agenda session',
  [CommitmentReason.TABLE_HOST]: 'hosting a round table',
  [CommitmentReason.SEATED]: 'holding a seat in a session',
};

/** The agenda library behind matchmaking's AGENDA_COMMITMENTS port. */
export function agendaCommitmentsFrom(agenda: AgendaService): AgendaCommitments {
  return {
    commitments: async (eventId, accountIds) =>
      (await agenda.commitments(eventId, accountIds)).map((c) => ({
        accountId: c.accountId,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        reason: WORDS[c.reason] ?? 'busy in the agenda',
      })),
  };
}
