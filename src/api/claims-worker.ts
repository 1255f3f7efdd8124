// Runs in a worker thread: groups claim records off the server's event loop (see claim-groups.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { type ClaimRecord, groupClaimRecords } from '../corpus/index.js';

parentPort?.postMessage(groupClaimRecords(workerData as ClaimRecord[]));
