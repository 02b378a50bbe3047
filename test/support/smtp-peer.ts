import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpPeerOptions {
  /** Refuse this delivery attempt (451, try again later)? attempt is 1 on the first try of a Message-ID. */
  refuse?: (messageId: string, attempt: number) => boolean;
  /** Called with each accepted message before it is acknowledged; `connectedAt` is when its connection opened (ms). */
  beforeAccept?: (mail: ParsedMail, acceptedSoFar: number, connection: { connectedAt: number }) => Promise<'accept' | 'drop'> | 'accept' | 'drop';
  port?: number;
}

/** A real SMTP server in the test process; messages are parsed back with mailparser. */
export class SmtpPeer {
  readonly accepted: ParsedMail[] = [];
  readonly attempts = new Map<string, number>();
  private readonly connectedAt = new Map<string, number>();
  private server: SMTPServer;

  private constructor(
    private readonly options: SmtpPeerOptions,
    public port: number,
  ) {}

  static async start(options: SmtpPeerOptions = {}): Promise<SmtpPeer> {
    const peer = new SmtpPeer(options, options.port ?? 0);
    await peer.listen();
    return peer;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async listen(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (session, callback) => {
        this.connectedAt.set(session.id, Date.now());
        callback();
      },
      onData: (stream, session, callback) => {
        const connectedAt = this.connectedAt.get(session.id) ?? Date.now();
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', async () => {
          try {
            const mail = await simpleParser(Buffer.concat(chunks));
            const id = mail.messageId ?? '';
            const attempt = (this.attempts.get(id) ?? 0) + 1;
            this.attempts.set(id, attempt);
            if (this.options.refuse?.(id, attempt)) {
              const error = new Error('Greylisted, try again later') as Error & { responseCode: number };
              error.responseCode = 451;
              return callback(error);
            }
            if ((await this.options.beforeAccept?.(mail, this.accepted.length, { connectedAt })) === 'drop') return; // never answered
            this.accepted.push(mail);
            callback();
          } catch (error) {
            callback(error as Error);
          }
        });
      },
    });
    // A client that dies mid-session (the crash test) resets its connection: expected, not a failure.
    this.server.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') console.error('SMTP peer:', error);
    });
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as { port: number }).port;
  }

  /** Stops listening (the "SMTP down" fault); listen() again on the same port brings it back. */
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  countByMessageId(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.accepted) counts.set(m.messageId ?? '', (counts.get(m.messageId ?? '') ?? 0) + 1);
    return counts;
  }
}

/**
 * "About a third" of messages, refused (451) on their first two attempts: every third distinct
 * Message-ID in order of first arrival. Counted rather than hashed, so the share is exact whatever
 * the (random) Message-IDs are: a hash once refused only 3 of 31 and the test's premise failed.
 */
export function refuseEveryThirdMessage(): (messageId: string, attempt: number) => boolean {
  const refused = new Set<string>();
  let distinct = 0;
  return (messageId, attempt) => {
    if (attempt === 1 && ++distinct % 3 === 0) refused.add(messageId);
    return refused.has(messageId) && attempt <= 2;
  };
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 45_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
