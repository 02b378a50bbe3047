import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotificationKind } from '../notification-kind.js';

/** A person turned an optional kind off (one-click unsubscribe or their settings). */
@Entity('notification_preference')
export class NotificationPreferenceEntity {
  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @PrimaryColumn('text')
  kind: NotificationKind;

  @Column('timestamptz', { name: 'unsubscribed_at' })
  unsubscribedAt: Date;
}
