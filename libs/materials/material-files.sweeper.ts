import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/index.js';
import { MATERIAL_STORAGE, type MaterialStorage } from './storage/material-storage.js';

const BATCH = 100;

/**
 * Deletes the stored files of deleted material versions. The database queues their keys
 * (trigger on material_version, migration 1764087500000) whatever deleted the rows: a speaker,
 * or a cascade from a session or an event. An entry is removed only after its file is gone, and
 * entries are claimed with SKIP LOCKED, so any number of processes may sweep at once and a crash
 * or a storage outage only delays the deletion to the next sweep.
 */
@Injectable()
export class MaterialFilesSweeper {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATERIAL_STORAGE) private readonly storage: MaterialStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Deletes every queued file (or only these keys); returns how many files went. */
  async sweep(onlyKeys?: readonly string[]): Promise<number> {
    let deleted = 0;
    for (;;) {
      const batch = await this.sweepBatch(onlyKeys);
      deleted += batch.deleted;
      if (batch.claimed < BATCH || batch.deleted === 0) return deleted;
    }
  }

  private async sweepBatch(onlyKeys?: readonly string[]): Promise<{ claimed: number; deleted: number }> {
    return this.dataSource.transaction(async (m) => {
      const rows: { storage_key: string }[] = await m.query(
        `SELECT storage_key FROM material_file_garbage
          WHERE $1::text[] IS NULL OR storage_key = ANY($1::text[])
          ORDER BY queued_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
        [onlyKeys ? [...onlyKeys] : null],
      );
      const gone: string[] = [];
      for (const { storage_key: key } of rows) {
        try {
          await this.storage.delete(key);
          gone.push(key);
        } catch (error) {
          this.logger.warn({ err: error, key }, 'material file not deleted yet; the next sweep tries again');
        }
      }
      if (gone.length) await m.query(`DELETE FROM material_file_garbage WHERE storage_key = ANY($1::text[])`, [gone]);
      return { claimed: rows.length, deleted: gone.length };
    });
  }
}
