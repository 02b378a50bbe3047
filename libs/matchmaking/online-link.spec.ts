import { MatchmakingException, MatchmakingReason } from './matchmaking.exception.js';
import { normaliseOnlineLink, ONLINE_LINK_MAX_LENGTH } from './online-link.js';

describe('normaliseOnlineLink', () => {
  it('keeps an https link as the URL parser writes it; blank means none', () => {
    expect(normaliseOnlineLink('  https://meet.example.com/j/123?pwd=a,b;c  ')).toBe('https://meet.example.com/j/123?pwd=a,b;c');
    expect(normaliseOnlineLink('HTTPS://Meet.Example.com')).toBe('https://meet.example.com/');
    expect(normaliseOnlineLink('https://x.example/a b')).toBe('https://x.example/a%20b');
    expect(normaliseOnlineLink('https://bücher.example/')).toBe('https://xn--bcher-kva.example/');
    for (const none of [null, undefined, '', '   ']) expect(normaliseOnlineLink(none)).toBeNull();
  });

  it('refuses anything else with INVALID_ONLINE_LINK on the url field', () => {
    const longest = `https://x.example/${'a'.repeat(ONLINE_LINK_MAX_LENGTH - 'https://x.example/'.length)}`;
    expect(normaliseOnlineLink(longest)).toBe(longest);
    for (const bad of ['http://x.example', 'javascript:alert(1)', 'https://user:pw@x.example', 'https://user@x.example', `${longest}b`, 'not a url', 'https://', 'ftp://x.example']) {
      let error: unknown;
      try {
        normaliseOnlineLink(bad);
      } catch (e) {
        error = e;
      }
      expect([bad, error instanceof MatchmakingException && error.reason, error instanceof MatchmakingException && error.field]).toEqual([bad, MatchmakingReason.INVALID_ONLINE_LINK, 'url']);
    }
  });
});
