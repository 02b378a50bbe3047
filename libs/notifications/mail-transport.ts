import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { type Logger } from 'pino';
import { LOGGER } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';

export interface OutgoingMail {
  from: string;
  to: string;
  replyTo?: string[];
  subject: string;
  text: string;
  html: string;
  /** Deterministic (from the idempotency key), so a resend after a crash carries the same id. */
  messageId: string;
  headers?: Record<string, string>;
  /** A calendar invitation, attached as text/calendar; method=REQUEST or CANCEL. */
  calendar?: { ics: string; method: 'REQUEST' | 'CANCEL' | 'PUBLISH' };
}

/**
 * The one way mail leaves ClusterMeet: SMTP when SMTP_URL is set, otherwise one .eml file per
 * message in MAIL_DIR (named after its Message-ID, so a resend overwrites instead of doubling).
 */
/** SMTP connections per process; the worker sends at most this many messages at once. */
export const MAIL_CONNECTIONS = 4;

@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transport;
  private readonly toFiles: boolean;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.toFiles = !config.smtpUrl;
    const timeoutMs = config.mailSendTimeoutSeconds * 1000;
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({
          url: config.smtpUrl,
          pool: true,
          maxConnections: MAIL_CONNECTIONS,
          // Every wait ends well before the job's lease, so a slow server means a retry, not a duplicate.
          connectionTimeout: Math.min(10_000, timeoutMs / 3),
          greetingTimeout: Math.min(10_000, timeoutMs / 3),
          socketTimeout: timeoutMs / 2,
        } as Parameters<typeof nodemailer.createTransport>[0])
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  }

  get mode(): 'smtp' | 'files' {
    return this.toFiles ? 'files' : 'smtp';
  }

  async send(mail: OutgoingMail): Promise<void> {
    const info = await this.transport.sendMail({
      from: mail.from,
      to: mail.to,
      replyTo: mail.replyTo?.length ? mail.replyTo : undefined,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      date: new Date(),
      headers: mail.headers,
      icalEvent: mail.calendar ? { method: mail.calendar.method, content: mail.calendar.ics, filename: 'invitation.ics' } : undefined,
    });
    if (this.toFiles) {
      await mkdir(this.config.mailDir, { recursive: true });
      const file = join(this.config.mailDir, mail.messageId.replace(/[<>]/g, '').replace(/[^A-Za-z0-9@._-]/g, '_') + '.eml');
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, (info as { message: Buffer }).message);
      await rename(temporary, file);
      this.logger.info({ to: mail.to, subject: mail.subject, file }, 'mail written');
    } else {
      this.logger.debug({ to: mail.to, subject: mail.subject, messageId: mail.messageId }, 'mail sent');
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
