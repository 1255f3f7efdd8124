import { randomBytes } from 'node:crypto';
import { MarsadError, toMarsadError } from '../model/index.js';
import type { Progress } from '../util/index.js';
import type { IngestReport, Job } from './contract.js';

// Ingest jobs run inside the server process, one at a time (the store takes one writer); the rest
// wait in order. A job's progress is polled with GET /api/jobs/:id.

export type RunIngest = (inputs: string[], progress: Progress) => Promise<IngestReport>;

interface Entry {
  job: Job;
  inputs: string[];
  cleanup: () => Promise<void>;
}

const KEEP_FINISHED = 200;
export const DEFAULT_MAX_WAITING = 20;

/** Thrown by submit when the queue is full (the API answers 503). */
export class QueueFullError extends MarsadError {
  constructor(waiting: number) {
    super('E_USAGE', `${waiting} ingest jobs are already waiting: try again when they have run`);
    this.name = 'QueueFullError';
  }
}

export class IngestQueue {
  private readonly jobs = new Map<string, Entry>();
  private readonly waiting: Entry[] = [];
  private running: Promise<void> | null = null;

  constructor(
    private readonly run: RunIngest,
    /** After every job (done or failed): the store may have changed. */
    private readonly onFinished: (job: Job) => void,
    private readonly log: (message: string) => void = () => {},
    private readonly maxWaiting = DEFAULT_MAX_WAITING,
  ) {}

  /** Queue a job. `labels` is what the job shows as its inputs; `cleanup` runs when it is over. */
  submit(inputs: string[], labels: string[], cleanup: () => Promise<void> = async () => {}): Job {
    if (this.waiting.length >= this.maxWaiting) throw new QueueFullError(this.waiting.length);
    const id = `job-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
    const job: Job = {
      id,
      status: 'queued',
      done: 0,
      total: null,
      inputs: labels,
      createdAt: new Date().toISOString(),
      finishedAt: null,
    };
    const entry = { job, inputs, cleanup };
    this.jobs.set(id, entry);
    this.waiting.push(entry);
    this.forgetOld();
    if (!this.running) this.running = this.drain();
    return { ...job };
  }

  /** No room for another job: refuse before the upload is even written. */
  get full(): boolean {
    return this.waiting.length >= this.maxWaiting;
  }

  /** Is a job running now? */
  get busy(): boolean {
    return this.running !== null;
  }

  get(id: string): Job | null {
    const e = this.jobs.get(id);
    return e ? { ...e.job } : null;
  }

  /** Resolves when every queued job has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) await this.runOne(next);
    this.running = null;
  }

  private async runOne(entry: Entry): Promise<void> {
    const { job } = entry;
    job.status = 'running';
    const progress: Progress = {
      start(total) {
        job.total = total;
      },
      tick(delta = 1) {
        job.done += delta;
      },
      stop() {},
    };
    try {
      const report = await this.run(entry.inputs, progress);
      job.report = report;
      job.total = report.seen;
      job.done = report.seen;
      job.status = 'done';
    } catch (e) {
      const err = toMarsadError(e);
      this.log(`ingest ${job.id} failed: ${err.code}: ${err.message}`);
      job.status = 'failed';
      job.error = { code: err.code, message: err.message };
    } finally {
      job.finishedAt = new Date().toISOString();
      try {
        await entry.cleanup();
      } catch (e) {
        this.log(`ingest ${job.id}: cleanup failed: ${String(e)}`);
      }
      this.onFinished(job);
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((e) => e.job.finishedAt !== null);
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(e.job.id);
  }
}
