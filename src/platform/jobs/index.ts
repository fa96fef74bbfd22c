/** platform/jobs: the durable jobs table (outbox), the worker, and cron schedules. */
export { enqueueJob, runDueJobs, startJobRunner, type JobHandler, type Schedule, type JobRunner } from './jobs.service';
export { jobsMigrations } from './jobs.migrations';
