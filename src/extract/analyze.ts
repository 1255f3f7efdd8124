import type { AnalysedDocument, RawArticle } from '../model/index.js';
import { composeDocument } from './compose.js';
import { buildPipeline, type Pipeline } from './stage.js';
import { sentencesStage, tokensStage } from './text-stages.js';

/** The stages Marsad runs by default, in order. Entity, event and claim stages join here. */
export const defaultPipeline: Pipeline = buildPipeline([sentencesStage, tokensStage]);

/** Analyse one article without touching a store (`marsad analyze`). Throws MarsadError. */
export function analyzeArticle(raw: RawArticle, pipeline: Pipeline = defaultPipeline): AnalysedDocument {
  return pipeline.run(composeDocument(raw));
}

/**
 * Run the pipeline again over a stored document (after the KB, a lexicon or a stage changed).
 * The cleaned text, and so every offset and the id, stay as they were.
 */
export function reanalyzeDocument(
  doc: AnalysedDocument,
  pipeline: Pipeline = defaultPipeline,
): AnalysedDocument {
  return pipeline.run({
    ...doc,
    sentences: [],
    tokenCount: 0,
    entities: [],
    events: [],
    claims: [],
    relations: [],
  });
}
