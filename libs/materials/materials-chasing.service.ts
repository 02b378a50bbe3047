import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgendaService, SessionRole, SessionStatus, type SessionPersonView, type SessionView } from '../agenda/index.js';
import { EventAccessService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MaterialsSettingsService } from './materials-settings.service.js';

export interface MissingMaterials {
  session: SessionView;
  /** Speakers of the session who have uploaded nothing to it (neither as owner nor as uploader). */
  speakers: SessionPersonView[];
  deadline: Date | null;
  /** The deadline has passed. */
  overdue: boolean;
}

/**
 * Chasing missing slides: the sessions (published or draft, not cancelled) with speakers who have
 * uploaded nothing yet. The notification feature sends the reminders from this list.
 */
@Injectable()
export class MaterialsChasingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EventAccessService,
    private readonly agenda: AgendaService,
    private readonly settings: MaterialsSettingsService,
  ) {}

  async missing(actor: Actor | null, eventId: string, now = new Date()): Promise<MissingMaterials[]> {
    await this.access.requireOrganiser(actor, eventId);
    const [{ uploadDeadline }, agenda, rows] = await Promise.all([
      this.settings.settingsOf(eventId),
      this.agenda.agenda(actor, eventId),
      this.dataSource.query(
        `SELECT DISTINCT m.session_id, p.account_id
           FROM material m
           JOIN material_version v ON v.material_id = m.id
          CROSS JOIN LATERAL (VALUES (m.owner_account_id), (v.uploaded_by)) AS p (account_id)
          WHERE m.event_id = $1 AND p.account_id IS NOT NULL`,
        [eventId],
      ) as Promise<{ session_id: string; account_id: string }[]>,
    ]);
    const uploaded = new Set(rows.map((r) => `${r.session_id}/${r.account_id}`));
    const overdue = uploadDeadline !== null && now > uploadDeadline;
    const result: MissingMaterials[] = [];
    for (const session of agenda.days.flatMap((d) => d.sessions)) {
      if (session.status === SessionStatus.CANCELLED) continue;
      const speakers = session.people.filter((p) => p.role === SessionRole.SPEAKER && !uploaded.has(`${session.id}/${p.accountId}`));
      if (speakers.length) result.push({ session, speakers, deadline: uploadDeadline, overdue });
    }
    return result;
  }
}
