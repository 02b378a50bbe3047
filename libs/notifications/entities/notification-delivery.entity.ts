import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { NotificationKind } from '../notification-kind.js';

export enum DeliveryStatus {
  /** Written with the change that caused it; its job waits for a worker. */
  PENDING = 'PENDING',
  /** A worker holds it until lease_until. */
  SENDING = 'SENDING',
  /** The last attempt failed; pg-boss retries after a backoff. */
  RETRYING = 'RETRYING',
  SENT = 'SENT',
  /** Every attempt failed; an organiser may resend it. */
  FAILED = 'FAILED',
  /** Not sent on purpose: the recipient unsubscribed from this optional kind. */
  SKIPPED = 'SKIPPED',
}

/** One message to one person: the outbox row and the delivery log at once. */
@Entity('notification_delivery')
export class NotificationDeliveryEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** kind + recipient + subject item + revision: the same change never mails twice. */
  @Column('text', { name: 'idempotency_key' })
  idempotencyKey: string;

  @Column('uuid', { name: 'event_id', nullable: true })
  eventId: string | null;

  @Column('text')
  kind: NotificationKind;

  @Column('boolean')
  essential: boolean;

  @Column('uuid', { name: 'recipient_account_id' })
  recipientAccountId: string;

  @Column('text', { name: 'recipient_email', nullable: true })
  recipientEmail: string | null;

  @Column('text', { name: 'subject_type' })
  subjectType: string;

  @Column('text', { name: 'subject_id' })
  subjectId: string;

  @Column('bigint', { name: 'subject_revision', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  subjectRevision: number;

  @Column('text', { name: 'message_id' })
  messageId: string;

  @Column('jsonb')
  data: Record<string, unknown>;

  @Column('text', { nullable: true })
  ics: string | null;

  @Column('text', { name: 'ics_method', nullable: true })
  icsMethod: 'REQUEST' | 'CANCEL' | 'PUBLISH' | null;

  @Column('text')
  status: DeliveryStatus;

  @Column('int')
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  /** The rendered subject line, once sent. */
  @Column('text', { nullable: true })
  subject: string | null;

  @Column('uuid', { name: 'job_id', nullable: true })
  jobId: string | null;

  @Column('timestamptz', { name: 'lease_until', nullable: true })
  leaseUntil: Date | null;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
