import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { NotificationKind } from '../notification-kind.js';

/** An event's own wording of one kind of message (otherwise the default in KINDS). */
@Entity('notification_template')
export class NotificationTemplateEntity {
  @PrimaryColumn('uuid', { name: 'event_id' })
  eventId: string;

  @PrimaryColumn('text')
  kind: NotificationKind;

  @Column('text', { name: 'subject_template' })
  subjectTemplate: string;

  @Column('text', { name: 'body_template' })
  bodyTemplate: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
