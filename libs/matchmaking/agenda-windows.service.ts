import { Injectable } from '@nestjs/common';
import { AgendaService, SessionStatus, SessionType } from '../agenda/index.js';
import { type Actor } from '../identity/index.js';
import { type MatchmakingSettingsEntity } from './entities/matchmaking-settings.entity.js';
import { MatchmakingAccessService } from './matchmaking-access.service.js';
import { MatchmakingException } from './matchmaking.exception.js';
import { MatchmakingSettingsService } from './matchmaking-settings.service.js';

/** Lets organisers take the meeting windows from the agenda's published MATCHMAKING sessions. */
@Injectable()
export class AgendaWindowsService {
  constructor(
    private readonly agenda: AgendaService,
    private readonly access: MatchmakingAccessService,
    private readonly settings: MatchmakingSettingsService,
  ) {}

  async useAgendaWindows(actor: Actor | null, eventId: string): Promise<MatchmakingSettingsEntity> {
    await this.access.requireOrganiser(actor, eventId);
    const view = await this.agenda.agenda(actor, eventId, { type: SessionType.MATCHMAKING });
    const windows = view.days
      .flatMap((d) => d.sessions)
      .filter((s) => s.type === SessionType.MATCHMAKING && s.status === SessionStatus.PUBLISHED)
      .map((s) => ({ startsAt: s.startsAt, endsAt: s.endsAt }));
    if (!windows.length) {
      throw MatchmakingException.invalidSettings('windows', 'The agenda has no published MATCHMAKING session to take windows from.');
    }
    // Same rules as windows typed in by hand: slots in use stay, overlaps are refused.
    return this.settings.update(actor, eventId, { windows });
  }
}
