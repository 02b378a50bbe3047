import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type EventCopyPlan } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';
import { EventAccessService } from '../events/index.js';
import { type Actor } from '../identity/index.js';
import { MaterialsSettingsEntity } from './entities/materials-settings.entity.js';
import { DEFAULT_ALLOWED_TYPES, MaterialFileType } from './file-type.js';
import { formatBytes, MaterialsException } from './materials.exception.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export interface MaterialsSettings {
  eventId: string;
  allowedTypes: MaterialFileType[];
  maxBytes: number;
  /** The highest maxBytes this installation allows (MATERIALS_MAX_BYTES_LIMIT). */
  maxBytesLimit: number;
  uploadDeadline: Date | null;
  packPublic: boolean;
}

export interface MaterialsSettingsUpdate {
  allowedTypes?: MaterialFileType[] | null;
  maxBytes?: number | null;
  /** null clears the deadline; undefined leaves it. */
  uploadDeadline?: Date | null;
  packPublic?: boolean | null;
}

/** Per-event rules for materials: allowed types, maximum size, upload deadline, public pack. */
@Injectable()
export class MaterialsSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly access: EventAccessService,
  ) {}

  /** The rules in force (defaults when the organisers set none); no access check. */
  async settingsOf(eventId: string): Promise<MaterialsSettings> {
    const row = await this.dataSource.getRepository(MaterialsSettingsEntity).findOneBy({ eventId });
    const maxBytesLimit = this.config.materials.maxBytesLimit;
    return row
      ? { eventId, allowedTypes: row.allowedTypes, maxBytes: row.maxBytes, maxBytesLimit, uploadDeadline: row.uploadDeadline, packPublic: row.packPublic }
      : { eventId, allowedTypes: [...DEFAULT_ALLOWED_TYPES], maxBytes: DEFAULT_MAX_BYTES, maxBytesLimit, uploadDeadline: null, packPublic: false };
  }

  /**
   * Copies the rules into a new event (libs/event-copy; its transaction, no access check), the
   * upload deadline moved with the plan. Nothing when the source kept the defaults.
   */
  async copySetup(manager: EntityManager, plan: EventCopyPlan): Promise<{ copied: boolean }> {
    const row = await manager.getRepository(MaterialsSettingsEntity).findOneBy({ eventId: plan.fromEventId });
    if (!row) return { copied: false };
    await manager.getRepository(MaterialsSettingsEntity).insert({
      eventId: plan.toEventId,
      allowedTypes: [...row.allowedTypes],
      maxBytes: row.maxBytes,
      uploadDeadline: row.uploadDeadline ? plan.move(row.uploadDeadline) : null,
      packPublic: row.packPublic,
    });
    return { copied: true };
  }

  async get(actor: Actor | null, eventId: string): Promise<MaterialsSettings> {
    await this.access.requireOrganiser(actor, eventId);
    return this.settingsOf(eventId);
  }

  async update(actor: Actor | null, eventId: string, input: MaterialsSettingsUpdate): Promise<MaterialsSettings> {
    return this.dataSource.transaction(async (m) => {
      await this.access.requireOrganiser(actor, eventId, m);
      const current = await this.settingsOf(eventId);
      const next = { ...current };
      if (input.allowedTypes != null) {
        const types = [...new Set(input.allowedTypes)];
        if (types.length === 0 || types.some((t) => !Object.values(MaterialFileType).includes(t))) {
          throw MaterialsException.invalidSettings(`Allow at least one of ${Object.values(MaterialFileType).join(', ')}.`, 'input.allowedTypes');
        }
        next.allowedTypes = types;
      }
      if (input.maxBytes != null) {
        const limit = this.config.materials.maxBytesLimit;
        if (!Number.isInteger(input.maxBytes) || input.maxBytes < 1024 || input.maxBytes > limit) {
          throw MaterialsException.invalidSettings(`The largest file size is between 1 KB and ${formatBytes(limit)} on this installation.`, 'input.maxBytes', {
            variant: 'MAX_BYTES',
            minBytes: 1024,
            maxBytes: limit,
          });
        }
        next.maxBytes = input.maxBytes;
      }
      if (input.uploadDeadline !== undefined) next.uploadDeadline = input.uploadDeadline;
      if (input.packPublic != null) next.packPublic = input.packPublic;
      await m.getRepository(MaterialsSettingsEntity).upsert(
        { eventId, allowedTypes: next.allowedTypes, maxBytes: next.maxBytes, uploadDeadline: next.uploadDeadline, packPublic: next.packPublic, updatedAt: new Date() },
        ['eventId'],
      );
      return next;
    });
  }
}
