/** The time source of matchmaking, injectable so tests can move time (expiry, open/close). */
export const MATCHMAKING_CLOCK = Symbol('MATCHMAKING_CLOCK');

export interface MatchmakingClock {
  now(): Date;
}

export const systemClock: MatchmakingClock = { now: () => new Date() };
