import { JobQueue } from '../../libs/jobs/index.js';
import { TestApp } from '../support/test-app.js';

/**
 * stop() waits three seconds for running jobs; one still running after that finishes against a
 * queue that is gone. Its bookkeeping must be dropped quietly (the job expires and is retried
 * elsewhere), not thrown: a TypeError here once failed the teardown of whichever test file ran.
 */
describe('the job queue stopping while a job still runs', () => {
  it('drops the late completion quietly and leaves the job to expire and be retried', async () => {
    const t = await TestApp.start();
    const queue = t.app.get(JobQueue, { strict: false });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    await queue.work('test-late-job', { pollingIntervalSeconds: 1 }, async () => {
      started();
      await held;
    });
    await queue.enqueue('test-late-job', {});
    await running;

    const thrown: unknown[] = [];
    const record = (error: unknown) => thrown.push(error);
    process.on('unhandledRejection', record);
    process.on('uncaughtException', record);
    try {
      await queue.stop(); // its grace runs out with the job still running
      release();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    } finally {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    }
    expect(thrown).toEqual([]);
    const [job] = await t.db.query(`SELECT state FROM pgboss.job WHERE name = 'test-late-job'`);
    expect(job.state).toBe('retry'); // stop() failed it when its grace ran out: it runs again, elsewhere or later
    await t.stop();
  });
});
