import { Worker } from 'node:worker_threads';
import { type ClaimGroup, type ClaimRecord, groupClaimRecords } from '../corpus/index.js';

// Grouping compares claims pairwise: on a large corpus it takes seconds of CPU. Done on the
// server's own thread it would stall every request meanwhile (static files included), so a
// corpus with many claims is grouped in a worker thread. Small ones are grouped in place (a
// thread costs more to start), and if the thread cannot start the work is done in place.

const IN_PLACE_BELOW = 300;

function groupInWorker(records: readonly ClaimRecord[]): Promise<ClaimGroup[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./claims-worker.mjs', import.meta.url), { workerData: records });
    worker.once('message', (groups: ClaimGroup[]) => {
      resolve(groups);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`claim grouping worker exited with ${code}`));
    });
  });
}

export async function groupClaimsOffThread(
  records: readonly ClaimRecord[],
  log: (message: string) => void = () => {},
): Promise<ClaimGroup[]> {
  if (records.length < IN_PLACE_BELOW) return groupClaimRecords(records);
  try {
    return await groupInWorker(records);
  } catch (e) {
    log(`claim grouping in a worker failed (${String(e)}); grouping in place`);
    return groupClaimRecords(records);
  }
}
