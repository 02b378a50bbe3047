import { MatchmakingException } from './matchmaking.exception.js';

/** The longest video link a meeting keeps (the database's CHECK says the same). */
export const ONLINE_LINK_MAX_LENGTH = 2000;

/**
 * A meeting's video link as typed → as stored: trimmed, empty means none. It must be an https
 * URL without a user name or password; it is stored as the URL parser writes it (lower-case
 * scheme and host, spaces percent-encoded), so it always passes the database's CHECK and is a
 * plain URI in calendar files.
 */
export function normaliseOnlineLink(input: string | null | undefined): string | null {
  const text = input?.trim() ?? '';
  if (text === '') return null;
  if (text.length > ONLINE_LINK_MAX_LENGTH) throw MatchmakingException.invalidOnlineLink(ONLINE_LINK_MAX_LENGTH);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw MatchmakingException.invalidOnlineLink(ONLINE_LINK_MAX_LENGTH);
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password || url.href.length > ONLINE_LINK_MAX_LENGTH) {
    throw MatchmakingException.invalidOnlineLink(ONLINE_LINK_MAX_LENGTH);
  }
  return url.href;
}
