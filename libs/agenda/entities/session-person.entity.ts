import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum SessionRole {
  SPEAKER = 'SPEAKER',
  MODERATOR = 'MODERATOR',
  PANELLIST = 'PANELLIST',
  HOST = 'HOST',
}

/** A person on the programme of a session, in the order they are listed. */
@Entity('agenda_session_person')
export class SessionPersonEntity {
  @PrimaryColumn('uuid', { name: 'session_id' })
  sessionId: string;

  @PrimaryColumn('uuid', { name: 'account_id' })
  accountId: string;

  @Column('text')
  role: SessionRole;

  @Column('int')
  position: number;
}
