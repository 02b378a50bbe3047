import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Readable } from 'node:stream';
import { type Logger } from 'pino';
import { DataSource, In } from 'typeorm';
import { AgendaService, type SessionView } from '../agenda/index.js';
import { CommonException, isConstraintViolation, LOGGER, PgErrorCode } from '../common/index.js';
import { EventAccessService, isUuid, ParticipationStatus } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MaterialEntity, MaterialVisibility } from './entities/material.entity.js';
import { MaterialVersionEntity } from './entities/material-version.entity.js';
import { extensionOf, FILE_TYPES, type MaterialFileType, type SniffResult, typeClaimedByExtension } from './file-type.js';
import { sanitiseFileName } from './filename.js';
import { MaterialFilesSweeper } from './material-files.sweeper.js';
import { MaterialsException } from './materials.exception.js';
import { type MaterialsSettings, MaterialsSettingsService } from './materials-settings.service.js';
import { type ByteRange, MATERIAL_STORAGE, type MaterialStorage, newStorageKey } from './storage/material-storage.js';
import { UploadInspector } from './upload-inspector.js';

export interface UploadTarget {
  /** The session to attach a new material to (with its event, checked to match). */
  eventId?: string;
  sessionId?: string;
  /** Upload a new version of this material instead. */
  materialId?: string;
  title?: string | null;
  visibility?: MaterialVisibility | null;
  embargoUntilStart?: boolean | null;
  /** Organisers only: the session person the material belongs to. */
  onBehalfOf?: string | null;
}

export interface IncomingFile {
  /** The name the client sent; only ever metadata. */
  fileName: string | undefined;
  stream: Readable;
}

export interface MaterialVersionView {
  id: string;
  materialId: string;
  version: number;
  fileName: string;
  fileType: MaterialFileType;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedAt: Date;
}

export interface MaterialView {
  id: string;
  eventId: string;
  sessionId: string;
  title: string;
  visibility: MaterialVisibility;
  embargoUntilStart: boolean;
  /** True while the embargo hides it from people other than organisers and the session's people. */
  embargoed: boolean;
  ownerAccountId: string | null;
  current: MaterialVersionView;
  /** Newest first; every version for organisers and the owner, only the current one for others. */
  versions: MaterialVersionView[];
  /** Whether the actor may change visibility, upload a new version or delete it. */
  canManage: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface MaterialUpdate {
  title?: string | null;
  visibility?: MaterialVisibility | null;
  embargoUntilStart?: boolean | null;
}

export interface PublicMaterialFile {
  materialId: string;
  sessionId: string;
  title: string;
  embargoUntilStart: boolean;
  fileName: string;
  sizeBytes: number;
  uploadedAt: Date;
  open(): Promise<Readable>;
}

export interface MaterialDownload {
  version: MaterialVersionView;
  /** Opens the stored bytes (or a range of them). */
  open(range?: ByteRange): Promise<Readable>;
}

/** What the actor is in a session's event. */
interface SessionAccess {
  session: SessionView;
  accountId: string | null;
  organiser: boolean;
  sessionPerson: boolean;
  member: boolean;
}

/**
 * Presenter materials: upload (streamed to storage, checked by content, size-limited), versions,
 * visibility and embargo, downloads with access checks. All "who may" rules are here.
 */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATERIAL_STORAGE) private readonly storage: MaterialStorage,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly agenda: AgendaService,
    private readonly access: EventAccessService,
    private readonly settings: MaterialsSettingsService,
    private readonly files: MaterialFilesSweeper,
  ) {}

  /**
   * Streams a file into storage as a new material of a session, or a new version of a material.
   * Rights are checked before a byte is read; the size limit and the content type while reading.
   * On any refusal nothing remains: the partial object is deleted and no row is written.
   */
  async upload(actor: Actor | null, target: UploadTarget, file: IncomingFile): Promise<MaterialView> {
    if (!actor) throw CommonException.authenticationRequired();
    const plan = await this.planUpload(actor, target);
    const fileName = sanitiseFileName(file.fileName);
    const claimed = typeClaimedByExtension(extensionOf(fileName));
    const { settings } = plan;

    const key = newStorageKey();
    const inspector = new UploadInspector(
      { maxBytes: settings.maxBytes, onHead: (sniffed) => void this.acceptedType(sniffed, settings, claimed, extensionOf(fileName), false) },
      () => MaterialsException.fileTooLarge(settings.maxBytes),
    );
    // Storage may start reading a moment later; the failure is then taken from the stream's state.
    inspector.on('error', () => {});
    file.stream.on('error', (error) => inspector.destroy(error));
    // Queued for sweeping before a byte is stored, taken out with the version row: a crash in
    // between cannot leave a file that nothing refers to.
    await this.files.reserve(key);
    file.stream.pipe(inspector);
    try {
      await this.storage.put(key, inspector, 'application/octet-stream');
    } catch (error) {
      file.stream.unpipe(inspector);
      await this.files.release(key).catch((e) => this.logger.error({ err: e, key }, 'could not release a failed upload; it is swept later'));
      throw error;
    }

    let materialId: string;
    try {
      const inspected = inspector.inspected();
      if (inspected.sizeBytes === 0) throw MaterialsException.emptyFile();
      const fileType = this.acceptedType(inspected.sniffed, settings, claimed, extensionOf(fileName), true)!;
      const storedName = claimed ? fileName : `${fileName}.${FILE_TYPES[fileType].extensions[0]}`;
      materialId = await this.saveVersion(actor, plan, {
        storageKey: key,
        fileName: sanitiseFileName(storedName),
        fileType,
        contentType: FILE_TYPES[fileType].contentType,
        sizeBytes: inspected.sizeBytes,
        sha256: inspected.sha256,
      });
    } catch (error) {
      await this.storage
        .delete(key)
        .then(() => this.files.release(key))
        .catch((e) => this.logger.error({ err: e, key }, 'could not delete a refused upload; it is swept later'));
      throw error;
    }
    return this.material(actor, materialId);
  }

  private async planUpload(actor: Actor, target: UploadTarget) {
    let material: MaterialEntity | null = null;
    let sessionId = target.sessionId;
    if (target.materialId !== undefined) {
      material = await this.findMaterial(target.materialId);
      sessionId = material.sessionId;
    }
    if (!sessionId || !isUuid(sessionId)) throw CommonException.notFound('Session', sessionId);
    const ctx = await this.sessionAccess(actor, sessionId);
    if (target.eventId !== undefined && ctx.session.eventId !== target.eventId) throw CommonException.notFound('Session', sessionId);
    if (material) {
      if (!ctx.organiser && material.ownerAccountId !== actor.accountId) {
        throw CommonException.forbidden('Only the organisers and the owner of this material can upload a new version.');
      }
    } else if (!ctx.organiser && !ctx.sessionPerson) {
      throw CommonException.forbidden("Only the session's speakers, moderators, panellists and hosts, and the organisers, can upload materials.");
    }
    let owner = material?.ownerAccountId ?? actor.accountId;
    if (!material && target.onBehalfOf) {
      if (!ctx.organiser) throw CommonException.forbidden('Only organisers can upload on behalf of someone else.');
      if (!ctx.session.people.some((p) => p.accountId === target.onBehalfOf)) throw MaterialsException.notASessionPerson();
      owner = target.onBehalfOf;
    }
    const title = target.title?.trim();
    if (title !== undefined && (title.length < 1 || title.length > 200)) throw CommonException.textLength('title', 'A title has 1 to 200 characters.', { min: 1, max: 200 });
    if (target.visibility != null && !Object.values(MaterialVisibility).includes(target.visibility)) {
      throw CommonException.invalidInput('visibility', `Visibility is one of ${Object.values(MaterialVisibility).join(', ')}.`);
    }
    const settings = await this.settings.settingsOf(ctx.session.eventId);
    return { material, session: ctx.session, owner, title, target, settings };
  }

  /** The file's type if the event accepts it; throws the reason otherwise. Before the end, ZIP flavours are not known yet. */
  private acceptedType(sniffed: SniffResult, settings: MaterialsSettings, claimed: MaterialFileType | null, extension: string | null, final: boolean) {
    if (sniffed.kind === 'executable') throw MaterialsException.executableRefused(sniffed.what);
    if (sniffed.kind === 'unknown') throw MaterialsException.typeNotRecognised(settings.allowedTypes);
    const type = sniffed.type;
    if (!final && type === 'ZIP') return undefined;
    if (!settings.allowedTypes.includes(type)) throw MaterialsException.typeNotAllowed(type, settings.allowedTypes);
    if (claimed && claimed !== type) throw MaterialsException.extensionMismatch(extension!, type);
    return type;
  }

  private async saveVersion(
    actor: Actor,
    plan: Awaited<ReturnType<MaterialsService['planUpload']>>,
    file: Pick<MaterialVersionEntity, 'storageKey' | 'fileName' | 'fileType' | 'contentType' | 'sizeBytes' | 'sha256'>,
  ): Promise<string> {
    try {
      return await this.dataSource.transaction(async (m) => {
        const materials = m.getRepository(MaterialEntity);
        let material: MaterialEntity;
        if (plan.material) {
          // The row lock serialises concurrent uploads, so version numbers follow arrival order.
          const locked = await materials.findOne({ where: { id: plan.material.id }, lock: { mode: 'pessimistic_write' } });
          if (!locked) throw CommonException.notFound('Material', plan.material.id);
          material = locked;
          material.currentVersion += 1;
          if (plan.title) material.title = plan.title;
        } else {
          material = materials.create({
            eventId: plan.session.eventId,
            sessionId: plan.session.id,
            title: plan.title || titleFrom(file.fileName),
            visibility: plan.target.visibility ?? MaterialVisibility.PARTICIPANTS,
            embargoUntilStart: plan.target.embargoUntilStart ?? false,
            ownerAccountId: plan.owner,
            currentVersion: 1,
          });
        }
        material = await materials.save(material);
        await this.files.keep(m, file.storageKey);
        await m.getRepository(MaterialVersionEntity).insert({
          ...file,
          materialId: material.id,
          version: material.currentVersion,
          uploadedBy: actor.accountId,
          uploadedAt: new Date(),
        });
        return material.id;
      });
    } catch (error) {
      if (isConstraintViolation(error, PgErrorCode.FOREIGN_KEY_VIOLATION, 'material_session_fkey')) throw CommonException.notFound('Session', plan.session.id);
      throw error;
    }
  }

  /** The materials of a session the actor may see, oldest first, in a fixed number of queries. */
  async sessionMaterials(actor: Actor | null, sessionId: string): Promise<MaterialView[]> {
    const ctx = await this.sessionAccess(actor, sessionId);
    const materials = await this.dataSource.getRepository(MaterialEntity).find({ where: { sessionId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const readable = materials.filter((m) => this.canRead(m, ctx));
    return this.views(readable, ctx);
  }

  async material(actor: Actor | null, materialId: string): Promise<MaterialView> {
    const material = await this.findMaterial(materialId);
    const ctx = await this.sessionAccess(actor, material.sessionId).catch(() => {
      throw CommonException.notFound('Material', materialId);
    });
    this.requireRead(material, ctx);
    return (await this.views([material], ctx))[0];
  }

  /** A version to download (the current one by default); older versions only for organisers and the owner. */
  async download(actor: Actor | null, materialId: string, version?: number): Promise<MaterialDownload> {
    const material = await this.findMaterial(materialId);
    const ctx = await this.sessionAccess(actor, material.sessionId).catch(() => {
      throw CommonException.notFound('Material', materialId);
    });
    this.requireRead(material, ctx);
    const wanted = version ?? material.currentVersion;
    if (wanted !== material.currentVersion && !this.canManage(material, ctx)) throw CommonException.notFound('Version', `${materialId}/${wanted}`);
    const row = await this.dataSource.getRepository(MaterialVersionEntity).findOneBy({ materialId, version: wanted });
    if (!row) throw CommonException.notFound('Version', `${materialId}/${wanted}`);
    return { version: versionView(row), open: (range) => this.storage.read(row.storageKey, range) };
  }

  async update(actor: Actor | null, materialId: string, input: MaterialUpdate): Promise<MaterialView> {
    if (!actor) throw CommonException.authenticationRequired();
    const material = await this.findMaterial(materialId);
    const ctx = await this.manageable(actor, material);
    const title = input.title?.trim();
    if (title !== undefined && (title.length < 1 || title.length > 200)) throw CommonException.textLength('input.title', 'A title has 1 to 200 characters.', { min: 1, max: 200 });
    if (input.visibility != null && !Object.values(MaterialVisibility).includes(input.visibility)) {
      throw CommonException.invalidInput('input.visibility', `Visibility is one of ${Object.values(MaterialVisibility).join(', ')}.`);
    }
    const changes: Partial<MaterialEntity> = {};
    if (title) changes.title = title;
    if (input.visibility != null) changes.visibility = input.visibility;
    if (input.embargoUntilStart != null) changes.embargoUntilStart = input.embargoUntilStart;
    if (Object.keys(changes).length) await this.dataSource.getRepository(MaterialEntity).update({ id: materialId }, { ...changes, updatedAt: new Date() });
    const updated = await this.findMaterial(materialId);
    return (await this.views([updated], ctx))[0];
  }

  /** Deletes a material with all its versions; the files go once the rows are gone (see MaterialFilesSweeper). */
  async delete(actor: Actor | null, materialId: string): Promise<boolean> {
    if (!actor) throw CommonException.authenticationRequired();
    const material = await this.findMaterial(materialId);
    await this.manageable(actor, material);
    const keys = await this.dataSource.transaction(async (m) => {
      const versions = await m.getRepository(MaterialVersionEntity).find({ where: { materialId }, select: { storageKey: true } });
      await m.getRepository(MaterialEntity).delete({ id: materialId });
      return versions.map((v) => v.storageKey);
    });
    // The rows' trigger queued the files; delete them now rather than at the next periodic sweep.
    await this.files.sweep(keys).catch((error) => this.logger.error({ err: error }, 'material files left for the periodic sweep'));
    return true;
  }

  /** Current versions of the PUBLIC materials of some sessions, oldest material first (for the materials pack). */
  async publicCurrentVersions(sessionIds: string[]): Promise<PublicMaterialFile[]> {
    if (sessionIds.length === 0) return [];
    const rows: Record<string, any>[] = await this.dataSource.query(
      `SELECT m.id, m.session_id, m.title, m.embargo_until_start, v.storage_key, v.file_name, v.size_bytes, v.uploaded_at
         FROM material m
         JOIN material_version v ON v.material_id = m.id AND v.version = m.current_version
        WHERE m.session_id = ANY($1::uuid[]) AND m.visibility = 'PUBLIC'
        ORDER BY m.created_at, m.id`,
      [sessionIds],
    );
    return rows.map((r) => ({
      materialId: r.id,
      sessionId: r.session_id,
      title: r.title,
      embargoUntilStart: r.embargo_until_start,
      fileName: r.file_name,
      sizeBytes: Number(r.size_bytes),
      uploadedAt: r.uploaded_at,
      open: () => this.storage.read(r.storage_key),
    }));
  }

  /**
   * The PUBLIC materials of published sessions that anyone may download right now: no embargo in
   * force (for the schedule exports, which list them with their download URL).
   */
  async downloadableByAnyone(sessions: Pick<SessionView, 'id' | 'startsAt'>[], now = new Date()): Promise<PublicMaterialFile[]> {
    const files = await this.publicCurrentVersions(sessions.map((s) => s.id));
    const startOf = new Map(sessions.map((s) => [s.id, s]));
    return files.filter((f) => !isEmbargoed(f, startOf.get(f.sessionId)!, now));
  }

  // ---- access ----

  private async sessionAccess(actor: Actor | null, sessionId: string): Promise<SessionAccess> {
    const session = await this.agenda.session(actor, sessionId);
    const accountId = actor?.accountId ?? null;
    const participation = await this.access.participation(actor, session.eventId);
    const organiser = await this.access.isOrganiser(actor, session.eventId);
    return {
      session,
      accountId,
      organiser,
      sessionPerson: accountId !== null && session.people.some((p) => p.accountId === accountId),
      member: participation?.status === ParticipationStatus.APPROVED,
    };
  }

  private canManage(material: MaterialEntity, ctx: SessionAccess): boolean {
    return ctx.organiser || (ctx.accountId !== null && material.ownerAccountId === ctx.accountId);
  }

  private canRead(material: MaterialEntity, ctx: SessionAccess, now = new Date()): boolean {
    if (ctx.organiser || ctx.sessionPerson || this.canManage(material, ctx)) return true;
    if (isEmbargoed(material, ctx.session, now)) return false;
    if (material.visibility === MaterialVisibility.PUBLIC) return true;
    if (material.visibility === MaterialVisibility.PARTICIPANTS) return ctx.member;
    return false;
  }

  /**
   * Anonymous users asking for participants-only material are told to sign in; signed-in
   * non-participants are refused; private or embargoed material does not exist for others.
   */
  private requireRead(material: MaterialEntity, ctx: SessionAccess): void {
    if (this.canRead(material, ctx)) return;
    const hidden = material.visibility === MaterialVisibility.PRIVATE || isEmbargoed(material, ctx.session, new Date());
    if (hidden) throw CommonException.notFound('Material', material.id);
    if (!ctx.accountId) throw CommonException.authenticationRequired('Sign in as a participant of this event to get this material.');
    throw CommonException.forbidden('Only approved participants of this event can get this material.');
  }

  private async manageable(actor: Actor, material: MaterialEntity): Promise<SessionAccess> {
    const ctx = await this.sessionAccess(actor, material.sessionId).catch(() => {
      throw CommonException.notFound('Material', material.id);
    });
    this.requireRead(material, ctx);
    if (!this.canManage(material, ctx)) throw CommonException.forbidden('Only the organisers and the owner of this material can change it.');
    return ctx;
  }

  private async findMaterial(materialId: string): Promise<MaterialEntity> {
    const material = isUuid(materialId) ? await this.dataSource.getRepository(MaterialEntity).findOneBy({ id: materialId }) : null;
    if (!material) throw CommonException.notFound('Material', materialId);
    return material;
  }

  private async views(materials: MaterialEntity[], ctx: SessionAccess): Promise<MaterialView[]> {
    if (materials.length === 0) return [];
    const versions = await this.dataSource
      .getRepository(MaterialVersionEntity)
      .find({ where: { materialId: In(materials.map((m) => m.id)) }, order: { version: 'DESC' } });
    const now = new Date();
    return materials.map((m) => {
      const mine = versions.filter((v) => v.materialId === m.id).map(versionView);
      const current = mine.find((v) => v.version === m.currentVersion)!;
      const canManage = this.canManage(m, ctx);
      return {
        id: m.id,
        eventId: m.eventId,
        sessionId: m.sessionId,
        title: m.title,
        visibility: m.visibility,
        embargoUntilStart: m.embargoUntilStart,
        embargoed: isEmbargoed(m, ctx.session, now),
        ownerAccountId: m.ownerAccountId,
        current,
        versions: canManage ? mine : [current],
        canManage,
        createdAt: m.createdAt,
        updatedAt: m.updatedAt,
      };
    });
  }
}

export function isEmbargoed(material: Pick<MaterialEntity, 'embargoUntilStart'>, session: Pick<SessionView, 'startsAt'>, now: Date): boolean {
  return material.embargoUntilStart && now.getTime() < new Date(session.startsAt).getTime();
}

function versionView(v: MaterialVersionEntity): MaterialVersionView {
  return {
    id: v.id,
    materialId: v.materialId,
    version: v.version,
    fileName: v.fileName,
    fileType: v.fileType,
    contentType: v.contentType,
    sizeBytes: Number(v.sizeBytes),
    sha256: v.sha256,
    uploadedBy: v.uploadedBy,
    uploadedAt: v.uploadedAt,
  };
}

function titleFrom(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).slice(0, 200) || 'Material';
}
