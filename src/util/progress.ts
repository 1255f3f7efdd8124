/** Progress of a long job. Jobs report through this; only the CLI decides how to show it. */
export interface Progress {
  start(total: number | null, label: string): void;
  tick(delta?: number, detail?: string): void;
  stop(): void;
}

export const silentProgress: Progress = {
  start() {},
  tick() {},
  stop() {},
};
