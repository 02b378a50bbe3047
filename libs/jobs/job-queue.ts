import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { type Logger } from 'pino';
import { DataSource, type EntityManager } from 'typeorm';
import { LOGGER } from '../common/index.js';
import { type AppConfig, APP_CONFIG } from '../config/index.js';

export interface EnqueueOptions {
  /**
   * The caller's transaction: the job row is inserted through it, so a rollback drops the job
   * and a commit makes it visible to workers (the outbox). Without it the job commits at once.
   */
  manager?: EntityManager;
  /** A job id chosen by the caller (e.g. stored beside the row that caused the job). */
  id?: string;
  startAfter?: Date;
  singletonKey?: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How long one attempt may stay active before it counts as failed (a crashed worker). */
  expireInSeconds?: number;
}

export interface QueuedJob<T> {
  id: string;
  name: string;
  data: T;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

export interface WorkOptions {
  batchSize?: number;
  pollingIntervalSeconds?: number;
}

/**
 * Durable jobs on PostgreSQL (pg-boss, schema `pgboss`, created by pg-boss at start). Shares the
 * app's connection pool so a job can be inserted inside any TypeORM transaction. Several
 * processes may work the same queues: pg-boss fetches with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class JobQueue implements OnModuleInit, OnModuleDestroy {
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, Promise<void>>();
  private started: Promise<void> | null = null;
  /** Set by stop(): a job that outlived the stop's grace period may still try to record itself. */
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.boss = new PgBoss({
      db: adapter(dataSource.manager, () => this.stopped),
      schema: 'pgboss',
      // Maintenance (expiring the jobs of crashed workers, archiving) runs in one process at a
      // time; as often as the longest job may run, so a crashed worker's job comes back soon.
      maintenanceIntervalSeconds: Math.max(1, Math.min(60, config.mailSendTimeoutSeconds)),
      archiveCompletedAfterSeconds: 3600,
    });
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'job queue error'));
  }

  onModuleInit(): Promise<void> {
    return this.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  start(): Promise<void> {
    this.stopped = false;
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    await this.started.catch(() => undefined);
    this.started = null;
    // Not graceful-waiting forever: an unfinished job simply expires and is retried elsewhere.
    await this.boss.stop({ graceful: true, wait: true, timeout: 3000, close: false });
    this.stopped = true;
  }

  /** Inserts a job; returns its id (null when a singleton job with this key already waits). */
  async enqueue<T extends object>(name: string, data: T, options: EnqueueOptions = {}): Promise<string | null> {
    await this.ensureQueue(name);
    const { manager, retryDelaySeconds, ...rest } = options;
    return this.boss.send(name, data, {
      ...rest,
      ...(retryDelaySeconds !== undefined ? { retryDelay: retryDelaySeconds } : {}),
      ...(manager ? { db: adapter(manager) } : {}),
    });
  }

  /**
   * Runs `handler` for batches of jobs. Jobs the handler returns in `failed` are failed (and
   * retried by their options); all others complete.
   */
  async work<T>(
    name: string,
    options: WorkOptions,
    handler: (jobs: QueuedJob<T>[]) => Promise<{ failed?: { id: string; error: unknown }[] } | void>,
  ): Promise<string> {
    await this.ensureQueue(name);
    const batchSize = options.batchSize ?? 1;
    let workerId: string | undefined;
    workerId = await this.boss.work<T>(
      name,
      { includeMetadata: true, batchSize, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
      async (jobs) => {
        const result = await handler(jobs.map((j) => ({ id: j.id, name: j.name, data: j.data, retryCount: j.retryCount, retryLimit: j.retryLimit })));
        for (const failure of result?.failed ?? []) {
          const error = failure.error instanceof Error ? failure.error : new Error(String(failure.error));
          await this.boss.fail(name, failure.id, { message: error.message });
        }
        // A full batch means more are probably waiting: fetch again at once instead of polling later.
        if (jobs.length === batchSize && workerId) this.boss.notifyWorker(workerId);
      },
    );
    return workerId;
  }

  /** A cron schedule (pg-boss sends one job per tick, whatever the number of processes). */
  /**
   * A periodic job: `run` once per `cron` tick (UTC) in whichever process polls first, however
   * many processes run it. For housekeeping whose work is idempotent (each tick sees what is due).
   */
  async every(name: string, cron: string, run: () => Promise<void>, pollingIntervalSeconds = 5): Promise<void> {
    await this.work(name, { pollingIntervalSeconds }, async () => {
      await run();
    });
    await this.schedule(name, cron);
  }

  async schedule(name: string, cron: string, data: object = {}): Promise<void> {
    await this.ensureQueue(name);
    await this.boss.schedule(name, cron, data, { tz: 'UTC', retryLimit: 0, expireInSeconds: 300 });
  }

  /** Ids among `ids` whose job still waits or runs (not completed, failed or gone). */
  async liveJobIds(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    await this.start();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id::text FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state IN ('created', 'retry', 'active')`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  private ensureQueue(name: string): Promise<void> {
    let created = this.queues.get(name);
    if (!created) {
      created = this.start().then(() => this.boss.createQueue(name));
      created.catch(() => this.queues.delete(name));
      this.queues.set(name, created);
    }
    return created;
  }
}

/**
 * What a statement "returns" after stop(): nothing, in the shape pg-boss reads. Its commands
 * (complete, fail, …) end in `SELECT COUNT(*)` and read `rows[0].count`; an empty result there
 * threw a TypeError into a late job's completion, failing the next test file's teardown.
 */
function nothingAfterStop(text: string): { rows: unknown[] } {
  return /select\s+count\(\*\)/i.test(text) ? { rows: [{ count: '0' }] } : { rows: [] };
}

/** pg-boss's database interface over a TypeORM manager (its transaction, when it has one). */
function adapter(manager: EntityManager, stopped: () => boolean = () => false): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      // After stop(), the database may be gone (shut down, or dropped by a test). A late job's
      // bookkeeping then has nowhere to go; the job expires and is retried, as stop() promises.
      if (stopped()) return nothingAfterStop(text);
      const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
      try {
        const result = await runner.query(text, values, true);
        return { rows: (result.records as unknown[]) ?? [] };
      } catch (error) {
        if (stopped()) return nothingAfterStop(text);
        throw error;
      } finally {
        if (runner !== manager.queryRunner) await runner.release().catch(() => undefined);
      }
    },
  };
}
