import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { type Logger } from 'pino';
import { LOGGER } from '../common/index.js';
import { JobQueue } from '../jobs/index.js';
import { MailDeliveryService } from './mail-delivery.service.js';
import { MAIL_CONNECTIONS } from './mail-transport.js';
import { MAIL_QUEUE, NotificationsService } from './notifications.service.js';
import { RemindersService } from './reminders.service.js';

export const REMINDER_SWEEP_QUEUE = 'notifications-reminder-sweep';

/**
 * The job processors: mail sending and the minute-by-minute reminder sweep. Runs in the API
 * process (RUN_WORKER_IN_API) and/or in apps/worker; any number of processes may run it.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly jobs: JobQueue,
    private readonly delivery: MailDeliveryService,
    private readonly reminders: RemindersService,
    private readonly notifications: NotificationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.work<{ deliveryId: string }>(MAIL_QUEUE, { batchSize: 20, pollingIntervalSeconds: 1 }, async (batch) => {
      const failed: { id: string; error: unknown }[] = [];
      // No more sends at once than the transport has connections: a claimed message must not
      // wait in the pool's queue past its lease, or a second worker could claim and send it too.
      await forEachWithConcurrency(batch, MAIL_CONNECTIONS, async (job) => {
        try {
          await this.delivery.deliver(job.data.deliveryId, job.retryCount >= job.retryLimit);
        } catch (error) {
          failed.push({ id: job.id, error });
        }
      });
      return { failed };
    });
    await this.jobs.work(REMINDER_SWEEP_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
      await this.reminders.sweep(new Date());
      const rescued = await this.notifications.rescueStranded();
      if (rescued) this.logger.warn({ rescued }, 'stranded notifications queued again');
    });
    await this.jobs.schedule(REMINDER_SWEEP_QUEUE, '* * * * *');
    this.logger.debug('notification worker started');
  }
}

async function forEachWithConcurrency<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
