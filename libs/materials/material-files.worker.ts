import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type Logger } from 'pino';
import { LOGGER } from '../common/index.js';
import { JobQueue } from '../jobs/index.js';
import { MaterialFilesSweeper } from './material-files.sweeper.js';

export const MATERIAL_FILES_SWEEP_QUEUE = 'materials-file-sweep';

/** Sweeps the files of deleted material versions every ten minutes (one job per tick in all). */
@Injectable()
export class MaterialFilesWorker implements OnApplicationBootstrap {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly sweeper: MaterialFilesSweeper,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.every(MATERIAL_FILES_SWEEP_QUEUE, '*/10 * * * *', async () => {
      const deleted = await this.sweeper.sweep();
      if (deleted) this.logger.info({ deleted }, 'materials: files of deleted versions removed');
    });
  }
}
