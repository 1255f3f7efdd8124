import { analyzeArticle, createPipeline, type Pipeline } from '../../src/extract/index.js';
import type { AnalysedDocument } from '../../src/model/index.js';

let pipeline: Pipeline | undefined;

/** A text article written for a test, analysed by the shipped pipeline without the tagger. */
export function analyseText(body: string, published: string | null = null): AnalysedDocument {
  pipeline ??= createPipeline({ ner: false });
  return analyzeArticle(
    {
      source: 't.txt',
      kind: 'text',
      title: null,
      published,
      url: null,
      body,
      encoding: 'utf-8',
      warnings: [],
    },
    pipeline,
  );
}
