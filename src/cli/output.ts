import cliProgress from 'cli-progress';
import type { Progress } from '../util/index.js';

export interface OutputOptions {
  json?: boolean;
  quiet?: boolean;
}

/** The only code that prints. Results go to stdout; progress and remarks to stderr. */
export class Output {
  constructor(
    readonly options: OutputOptions,
    private readonly stdout: NodeJS.WriteStream = process.stdout,
    private readonly stderr: NodeJS.WriteStream = process.stderr,
  ) {}

  get json(): boolean {
    return Boolean(this.options.json);
  }

  line(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  data(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  note(text: string): void {
    if (!this.options.quiet) this.stderr.write(`${text}\n`);
  }

  error(text: string): void {
    this.stderr.write(`marsad: ${text}\n`);
  }

  /** A bar on a terminal; nothing when piped, quiet or --json (scripts read the summary). */
  progress(): Progress {
    if (this.options.quiet || this.options.json || !this.stderr.isTTY) return quietProgress;
    let bar: cliProgress.SingleBar | null = null;
    let count = 0;
    return {
      start: (total, label) => {
        count = 0;
        bar = new cliProgress.SingleBar(
          {
            stream: this.stderr,
            format: total
              ? `${label} [{bar}] {value}/{total} {detail}`
              : `${label} {value} documents {detail}`,
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total ?? 0, 0, { detail: '' });
      },
      tick: (delta = 1, detail = '') => {
        count += delta;
        bar?.update(count, { detail: detail.length > 40 ? `…${detail.slice(-39)}` : detail });
      },
      stop: () => {
        bar?.stop();
        bar = null;
      },
    };
  }
}

const quietProgress: Progress = { start() {}, tick() {}, stop() {} };

/** "source: CODE: message", without repeating the source when the message already names it. */
export function describeFailure(f: { source: string; code: string; message: string }): string {
  const message = f.message.startsWith(f.source)
    ? f.message.slice(f.source.length).replace(/^[:\s]+/, '')
    : f.message;
  return `${f.source}: ${f.code}: ${message}`;
}
