import type { Writable } from 'node:stream';
import { toExportDocument } from '../model/index.js';
import type { Store } from '../store/index.js';
import { type Progress, silentProgress } from '../util/index.js';
import { ACLED_COLUMNS, type AcledRowOptions, acledRow, collectCorpusEvents, csvLine } from './acled.js';

export {
  ACLED_COLUMNS,
  type AcledRowOptions,
  acledCsv,
  acledRow,
  type CorpusEvent,
  collectCorpusEvents,
  csvField,
} from './acled.js';

export const EXPORT_FORMATS = ['jsonl', 'acled'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Write one marsad.document/v1 line per stored document, streaming (memory stays flat). */
export async function runExportJob(options: {
  store: Store;
  out: Writable;
  format: ExportFormat;
  progress?: Progress;
  /** acled: the KB that resolves places to coordinates and countries. */
  kb?: AcledRowOptions['kb'];
}): Promise<{ documents: number }> {
  const { store, out, progress = silentProgress } = options;
  if (options.format === 'acled') return exportAcled(store, out, options.kb ? { kb: options.kb } : {});
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

/** ACLED CSV: one row per corpus event (events only, their documents read once). */
async function exportAcled(
  store: Store,
  out: Writable,
  options: AcledRowOptions,
): Promise<{ documents: number }> {
  const docs = [];
  for await (const doc of store.iterateDocuments())
    if (doc.events.length) docs.push({ ...doc, entities: doc.entities.map((e) => ({ ...e, mentions: [] })) });
  const write = async (line: string) => {
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write(csvLine(ACLED_COLUMNS));
  for (const c of collectCorpusEvents(docs)) await write(csvLine(acledRow(c, options)));
  return { documents: docs.length };
}
