import type { AnalysedDocument } from '../model/index.js';
import { MarsadError } from '../model/index.js';

/** The fields of a document that stages read and fill. */
export type DocumentField = keyof AnalysedDocument;

/**
 * A pipeline stage (after spaCy's components): a small pure function over a document with a
 * declared contract. `requires` must have been assigned by an earlier stage (or by composition);
 * the pipeline checks the order once, when it is built, not on every document.
 */
export interface Stage {
  readonly name: string;
  readonly requires: readonly DocumentField[];
  readonly assigns: readonly DocumentField[];
  run(doc: AnalysedDocument): AnalysedDocument;
}

/** Fields set by composeDocument before any stage runs. */
export const COMPOSED_FIELDS: readonly DocumentField[] = [
  'id',
  'source',
  'kind',
  'url',
  'title',
  'published',
  'encoding',
  'text',
  'bodyStart',
  'warnings',
];

export interface Pipeline {
  readonly stages: readonly Stage[];
  run(doc: AnalysedDocument): AnalysedDocument;
}

export function buildPipeline(stages: readonly Stage[]): Pipeline {
  const available = new Set<DocumentField>(COMPOSED_FIELDS);
  const names = new Set<string>();
  for (const stage of stages) {
    if (names.has(stage.name)) throw new MarsadError('E_INTERNAL', `pipeline: stage ${stage.name} twice`);
    names.add(stage.name);
    const missing = stage.requires.filter((f) => !available.has(f));
    if (missing.length)
      throw new MarsadError(
        'E_INTERNAL',
        `pipeline: stage ${stage.name} requires ${missing.join(', ')}, which no earlier stage assigns`,
      );
    for (const f of stage.assigns) available.add(f);
  }
  return {
    stages,
    run(doc) {
      let current = doc;
      for (const stage of stages) {
        try {
          current = stage.run(current);
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          throw new MarsadError('E_PIPELINE', `stage ${stage.name} failed: ${message}`, {
            cause: e,
            input: doc.source,
          });
        }
      }
      return current;
    },
  };
}
