import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, type EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/index.js';
import { AuditLogService } from '../audit/index.js';
import { DomainException } from '../common/index.js';
import {
  AccountsService,
  type Actor,
  normaliseCountry,
  normaliseEmail,
  OrganisationsService,
  OrganisationType,
} from '../identity/index.js';
import { ParticipantRole, ParticipationEntity, ParticipationStatus } from './entities/participation.entity.js';
import { EventAccessService } from './event-access.service.js';
import { EventsException } from './events.exception.js';

export enum ImportMode {
  /** Any rejected row and nothing is written. */
  ALL_OR_NOTHING = 'ALL_OR_NOTHING',
  /** Good rows are written, rejected rows are reported. */
  PARTIAL = 'PARTIAL',
}

export enum ImportRowOutcome {
  CREATED = 'CREATED',
  ADDED = 'ADDED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}

export interface ImportRowResult {
  line: number;
  email: string | null;
  outcome: ImportRowOutcome;
  reasons: string[];
}

export interface ImportReport {
  applied: boolean;
  dryRun: boolean;
  mode: ImportMode;
  rows: ImportRowResult[];
  counts: Record<ImportRowOutcome, number>;
}

const REQUIRED_COLUMNS = ['name', 'email'];
const KNOWN_COLUMNS = ['name', 'email', 'organisation', 'type', 'country', 'region', 'role'];
const MAX_ROWS = 5000;

const TYPE_ALIASES: Record<string, OrganisationType> = {
  cluster: OrganisationType.CLUSTER,
  sme: OrganisationType.SME,
  'large company': OrganisationType.LARGE_COMPANY,
  large_company: OrganisationType.LARGE_COMPANY,
  research: OrganisationType.RESEARCH,
  university: OrganisationType.RESEARCH,
  'research or university': OrganisationType.RESEARCH,
  'public authority': OrganisationType.PUBLIC_AUTHORITY,
  public_authority: OrganisationType.PUBLIC_AUTHORITY,
  region: OrganisationType.PUBLIC_AUTHORITY,
  investor: OrganisationType.INVESTOR,
  other: OrganisationType.OTHER,
};

interface ParsedRow {
  line: number;
  name: string;
  email: string;
  organisation: string | null;
  type: OrganisationType;
  country: string | null;
  region: string | null;
  role: ParticipantRole;
}

/**
 * Organisers' participant import from CSV (name, email, organisation, type, country, region,
 * role). Every row gets an outcome and its reasons; nothing is ever dropped silently.
 */
@Injectable()
export class ParticipantImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: EventAccessService,
    private readonly accounts: AccountsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditLogService,
  ) {}

  async import(
    actor: Actor | null,
    eventId: string,
    csv: string,
    options: { mode?: ImportMode; dryRun?: boolean } = {},
  ): Promise<ImportReport> {
    const mode = options.mode ?? ImportMode.ALL_OR_NOTHING;
    const dryRun = options.dryRun ?? false;
    await this.access.requireOrganiser(actor, eventId);
    if (Buffer.byteLength(csv ?? '', 'utf8') > this.config.importMaxBytes) throw EventsException.importTooLarge(this.config.importMaxBytes, MAX_ROWS);

    const { rows, results } = this.parse(csv);
    const anyRejected = () => results.some((r) => r.outcome === ImportRowOutcome.REJECTED);

    // Rollback is the way out of a dry run or a refused all-or-nothing import; the report stays.
    const rollback = new Error('rollback');
    let applied = false;
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.access.requireOrganiser(actor, eventId, manager);
        await this.apply(manager, eventId, rows, results);
        applied = !dryRun && !(mode === ImportMode.ALL_OR_NOTHING && anyRejected());
        if (!applied) throw rollback;
        const counts: Record<string, number> = {};
        for (const r of results) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
        await this.audit.record(manager, {
          eventId, actorAccountId: actor!.accountId, action: 'participants.imported', targetType: 'event', targetId: eventId, details: { mode, counts },
        });
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    results.sort((a, b) => a.line - b.line);
    const counts = Object.fromEntries(Object.values(ImportRowOutcome).map((o) => [o, 0])) as Record<ImportRowOutcome, number>;
    for (const r of results) counts[r.outcome]++;
    return { applied, dryRun, mode, rows: results, counts };
  }

  private parse(csv: string): { rows: ParsedRow[]; results: ImportRowResult[] } {
    let records: Record<string, string>[];
    try {
      records = parse(csv, {
        bom: true,
        columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
        to: MAX_ROWS + 2,
      });
    } catch (error) {
      throw EventsException.importMalformed(`The CSV could not be read: ${(error as Error).message}`);
    }
    if (records.length > MAX_ROWS) throw EventsException.importTooLarge(this.config.importMaxBytes, MAX_ROWS);
    const header = Object.keys(records[0] ?? {});
    const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
    if (records.length === 0) throw EventsException.importMalformed('The CSV has no rows; the first line must name the columns.');
    if (missing.length) {
      throw EventsException.importMalformed(`Missing column(s): ${missing.join(', ')}. Expected: ${KNOWN_COLUMNS.join(', ')}.`);
    }

    const rows: ParsedRow[] = [];
    const results: ImportRowResult[] = [];
    const seen = new Map<string, number>();
    records.forEach((record, index) => {
      const line = index + 2; // line 1 is the header
      const reasons: string[] = [];
      let email: string | null = record.email || null;
      try {
        email = normaliseEmail(record.email ?? '');
      } catch {
        reasons.push(`"${record.email ?? ''}" is not a valid e-mail address`);
      }
      const name = record.name?.trim() ?? '';
      if (!name || name.length > 200) reasons.push('name is missing or longer than 200 characters');
      const rawType = (record.type ?? '').trim().toLowerCase().replace(/-/g, ' ');
      const type = rawType === '' ? OrganisationType.OTHER : TYPE_ALIASES[rawType] ?? TYPE_ALIASES[rawType.replace(/ /g, '_')];
      if (!type) reasons.push(`unknown organisation type "${record.type}"`);
      let country: string | null = null;
      try {
        country = normaliseCountry(record.country);
      } catch {
        reasons.push(`country "${record.country}" is not a two-letter ISO code`);
      }
      const rawRole = (record.role ?? '').trim().toUpperCase();
      const role = rawRole === '' ? ParticipantRole.PARTICIPANT : (ParticipantRole as Record<string, ParticipantRole>)[rawRole];
      if (!role) reasons.push(`unknown role "${record.role}" (use participant, speaker or organiser)`);
      if (email) {
        const first = seen.get(email.toLowerCase());
        if (first !== undefined) reasons.push(`duplicate of line ${first}`);
        else seen.set(email.toLowerCase(), line);
      }
      if (reasons.length) {
        results.push({ line, email, outcome: ImportRowOutcome.REJECTED, reasons });
        return;
      }
      rows.push({ line, name, email: email!, organisation: record.organisation?.trim() || null, type, country, region: record.region?.trim() || null, role });
    });
    return { rows, results };
  }

  private async apply(manager: EntityManager, eventId: string, rows: ParsedRow[], results: ImportRowResult[]) {
    const existing = new Map((await this.accounts.findByEmails(rows.map((r) => r.email), manager)).map((a) => [a.email.toLowerCase(), a]));
    const participations = manager.getRepository(ParticipationEntity);
    for (const row of rows) {
      // A savepoint per row, so in PARTIAL mode one bad row does not poison the transaction.
      const savepoint = `import_row_${row.line}`;
      await manager.query(`SAVEPOINT ${savepoint}`);
      try {
        const organisation = row.organisation
          ? await this.organisations.findOrCreate({ name: row.organisation, type: row.type, country: row.country, region: row.region }, manager)
          : null;
        let account = existing.get(row.email.toLowerCase());
        let outcome: ImportRowOutcome;
        const reasons: string[] = [];
        if (!account) {
          account = await this.accounts.createWithoutPassword(manager, { email: row.email, name: row.name, organisationId: organisation?.id ?? null });
          outcome = ImportRowOutcome.CREATED;
        } else {
          outcome = ImportRowOutcome.UNCHANGED;
          if (!account.organisationId && organisation) {
            await this.accounts.updateImported(manager, account.id, { name: account.name, organisationId: organisation.id });
            reasons.push('organisation set');
            outcome = ImportRowOutcome.UPDATED;
          }
        }
        const current = await participations.findOneBy({ eventId, accountId: account.id });
        if (!current) {
          await participations.insert({ eventId, accountId: account.id, role: row.role, status: ParticipationStatus.APPROVED });
          if (outcome !== ImportRowOutcome.CREATED) outcome = ImportRowOutcome.ADDED;
        } else if (current.role !== row.role || current.status !== ParticipationStatus.APPROVED) {
          if (current.role !== row.role) reasons.push(`role ${current.role.toLowerCase()} → ${row.role.toLowerCase()}`);
          if (current.status !== ParticipationStatus.APPROVED) reasons.push(`status ${current.status.toLowerCase()} → approved`);
          await participations.update({ id: current.id }, { role: row.role, status: ParticipationStatus.APPROVED });
          outcome = ImportRowOutcome.UPDATED;
        }
        await manager.query(`RELEASE SAVEPOINT ${savepoint}`);
        results.push({ line: row.line, email: row.email, outcome, reasons });
      } catch (error) {
        await manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
        if (!(error instanceof DomainException)) throw error;
        results.push({ line: row.line, email: row.email, outcome: ImportRowOutcome.REJECTED, reasons: [error.message] });
      }
    }
  }
}
