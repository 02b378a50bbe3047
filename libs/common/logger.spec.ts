import { createLogger, redactUrl } from './logger.js';

describe('createLogger', () => {
  it('never writes credentials, wherever they sit in a log object', () => {
    const lines: string[] = [];
    const logger = createLogger('info', 'test', { write: (line: string) => lines.push(line) });
    logger.info(
      {
        req: { headers: { authorization: 'Bearer eyJ.secret.token', 'content-type': 'application/json' } },
        variables: { email: 'a@b.example', password: 'hunter2-long-password' },
        input: { account: { token: 'feed-token-123' } },
        authSecret: 'x'.repeat(32),
      },
      'request',
    );
    const text = lines.join('');
    for (const secret of ['eyJ.secret.token', 'hunter2-long-password', 'feed-token-123', 'x'.repeat(32)]) expect(text).not.toContain(secret);
    expect(text).toContain('a@b.example');
    expect(text).toContain('[redacted]');
  });

  it('hides secret query parameters of a logged URL', () => {
    expect(redactUrl('/calendar/feed.ics?token=abc123&lang=fi')).toBe('/calendar/feed.ics?token=[redacted]&lang=fi');
    expect(redactUrl('/health')).toBe('/health');
  });
});
