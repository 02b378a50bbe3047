import { Injectable } from '@nestjs/common';
import { type Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { AgendaService, SessionStatus, zonedDate, zonedTime } from '../agenda/index.js';
import { CommonException } from '../common/index.js';
import { EventAccessService, type EventEntity, EventsService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { zipPathSegment } from './filename.js';
import { MaterialsService, type PublicMaterialFile } from './materials.service.js';
import { MaterialsSettingsService } from './materials-settings.service.js';

export interface PackEntry {
  /** Path inside the ZIP: `<day>/<HH-MM> <session title>/<file name>`. */
  path: string;
  file: PublicMaterialFile;
}

export interface MaterialsPack {
  event: EventEntity;
  fileName: string;
  entries: PackEntry[];
}

/**
 * The post-event materials pack: one ZIP of the current version of every public material, by
 * day and session. Organisers can always get it; anyone can once the event is over if the
 * organisers made it public. Files are streamed one after the other into the ZIP, never loaded whole.
 */
@Injectable()
export class MaterialsPackService {
  constructor(
    private readonly events: EventsService,
    private readonly access: EventAccessService,
    private readonly agenda: AgendaService,
    private readonly materials: MaterialsService,
    private readonly settings: MaterialsSettingsService,
  ) {}

  async pack(actor: Actor | null, slug: string, now = new Date()): Promise<MaterialsPack> {
    const event = await this.events.findBySlug(actor, slug);
    if (!(await this.access.isOrganiser(actor, event.id))) {
      const { packPublic } = await this.settings.settingsOf(event.id);
      const over = zonedDate(now, event.timeZone) > event.endsOn;
      if (!packPublic || !over) {
        if (!actor) throw CommonException.authenticationRequired('The materials pack is for the organisers until they publish it after the event.');
        throw CommonException.forbidden('The materials pack is for the organisers until they publish it after the event.');
      }
    }
    const agenda = await this.agenda.agenda(actor, event.id);
    const sessions = agenda.days.flatMap((d) => d.sessions).filter((s) => s.status === SessionStatus.PUBLISHED);
    const files = await this.materials.publicCurrentVersions(sessions.map((s) => s.id));
    const used = new Set<string>();
    const entries: PackEntry[] = [];
    for (const session of sessions) {
      const folder = `${session.day}/${zonedTime(new Date(session.startsAt), event.timeZone).replace(':', '-')} ${zipPathSegment(session.title, 'Session')}`;
      for (const file of files.filter((f) => f.sessionId === session.id)) {
        // Embargoed material stays out until its session has started.
        if (file.embargoUntilStart && now < new Date(session.startsAt)) continue;
        entries.push({ path: uniquePath(`${folder}/${zipPathSegment(file.fileName, 'file')}`, used), file });
      }
    }
    return { event, fileName: `${event.slug}-materials.zip`, entries };
  }

  /** Writes the ZIP to `out` (already compressed formats are stored, not deflated again). */
  writeZip(pack: MaterialsPack, out: Writable): Promise<void> {
    return new Promise((resolve, reject) => {
      const zip = new ZipFile();
      zip.outputStream.on('error', reject);
      out.on('error', reject);
      out.on('close', () => {
        // The client went away: stop reading the files still to come.
        (zip.outputStream as unknown as { destroy?: () => void }).destroy?.();
        resolve();
      });
      zip.outputStream.pipe(out).on('finish', () => resolve());
      for (const entry of pack.entries) {
        zip.addReadStreamLazy(entry.path, { compress: false, mtime: new Date(entry.file.uploadedAt), size: entry.file.sizeBytes }, (callback) => {
          entry.file.open().then(
            (stream) => callback(null, stream),
            (error) => callback(error, undefined as never),
          );
        });
      }
      zip.end();
    });
  }
}

function uniquePath(path: string, used: Set<string>): string {
  let candidate = path;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const dot = path.lastIndexOf('.');
    candidate = dot > path.lastIndexOf('/') ? `${path.slice(0, dot)} (${n})${path.slice(dot)}` : `${path} (${n})`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}
