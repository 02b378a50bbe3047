import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { LOGGER } from '../common/index.js';
import { MATERIAL_STORAGE, type MaterialStorage } from './storage/material-storage.js';

const BATCH = 100;
/** Longer than any upload can take: an upload still streaming is never swept. */
const UPLOAD_GRACE = '1 day';

/**
 * Deletes the stored files of deleted material versions. The database queues their keys
 * (trigger on material_version, migration 1764087500000) whatever deleted the rows: a speaker,
 * or a cascade from a session or an event. An entry is removed only after its file is gone, and
 * entries are claimed with SKIP LOCKED, so any number of processes may sweep at once and a crash
 * or a storage outage only delays the deletion to the next sweep.
 *
 * Uploads are queued too, before their first byte is stored (`reserve`), and taken out by the
 * transaction that writes their version row (`keep`): a process that dies between the two leaves
 * an entry, due a day later, so its file is swept instead of forgotten.
 */
@Injectable()
export class MaterialFilesSweeper {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MATERIAL_STORAGE) private readonly storage: MaterialStorage,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Before storing an upload under `key`: if no version row ever claims it, the file is swept after UPLOAD_GRACE. */
  async reserve(key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO material_file_garbage (storage_key, sweep_after) VALUES ($1, now() + interval '${UPLOAD_GRACE}')`,
      [key],
    );
  }

  /** In the transaction that writes the version row for `key`: the file is kept. */
  async keep(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`DELETE FROM material_file_garbage WHERE storage_key = $1`, [key]);
  }

  /** After a refused upload's file was deleted: nothing is left to sweep. */
  async release(key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM material_file_garbage WHERE storage_key = $1`, [key]);
  }

  /** Deletes every queued file that is due (or only these keys); returns how many files went. */
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
          WHERE sweep_after <= now() AND ($1::text[] IS NULL OR storage_key = ANY($1::text[]))
          ORDER BY sweep_after LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
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
