import type { Writable } from 'node:stream';
import { toExportDocument } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type Progress, silentProgress } from '../util/index.js';

export const EXPORT_FORMATS = ['jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Write one marsad.document/v1 line per stored document, streaming (memory stays flat). */
export async function runExportJob(options: {
  store: Store;
  out: Writable;
  format: ExportFormat;
  progress?: Progress;
}): Promise<{ documents: number }> {
  const { store, out, progress = silentProgress } = options;
  progress.start(await store.countDocuments(), 'export');
  let documents = 0;
  for await (const doc of store.iterateDocuments()) {
    const line = `${JSON.stringify(toExportDocument(doc))}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    documents++;
    progress.tick(1);
  }
  progress.stop();
  return { documents };
}
