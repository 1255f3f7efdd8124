import { defaultKbDirs, type KnowledgeBase, loadKnowledgeBase, SHIPPED_KB_DIR } from '../kb/index.js';
import type { AnalysedDocument, RawArticle } from '../model/index.js';
import { createClaimStages } from './claims/index.js';
import { composeDocument, unanalysed } from './compose.js';
import { buildEntityResources, createEntityStages } from './entities/index.js';
import { createEventStages } from './events/index.js';
import { loadNerModel, type NerModel } from './ner/index.js';
import { buildPipeline, type Pipeline } from './stage.js';
import { sentencesStage, tokensStage } from './text-stages.js';

export interface PipelineOptions {
  /** The knowledge base to link against (wins over kbDirs). */
  readonly kb?: KnowledgeBase;
  /** KB layers to load when no kb is given; default: the shipped KB only. */
  readonly kbDirs?: readonly string[];
  /** Run the learned tagger for names the KB does not list (default true). */
  readonly ner?: boolean;
  /** The tagger's model file (default: the committed data/models/ner-ar.json.gz). */
  readonly nerModelPath?: string;
  /**
   * Where a problem that degrades the analysis (the tagger cannot be loaded) is reported.
   * Default: stderr, each distinct message once per process.
   */
  readonly onWarning?: (message: string) => void;
}

/** The full analysis pipeline: sentences, tokens, entity mentions, linking, events, claims and relations. */
export function createPipeline(options: PipelineOptions = {}): Pipeline {
  const kb = options.kb ?? loadKnowledgeBase({ dirs: options.kbDirs ?? [SHIPPED_KB_DIR] });
  const ner =
    options.ner === false
      ? undefined
      : tryLoadNerModel(options.nerModelPath, options.onWarning ?? warnOnceOnStderr);
  const res = buildEntityResources(kb, ner ? { ner } : {});
  return buildPipeline([
    sentencesStage,
    tokensStage,
    ...createEntityStages(res),
    ...createEventStages({ kb }),
    ...createClaimStages({ kb }),
  ]);
}

/**
 * The tagger, or undefined when it cannot be used (a missing or corrupt file, or a model older
 * than the feature code): the KB matchers and rules still run without it, but names the KB does
 * not list are then missed, so the caller is told why.
 */
function tryLoadNerModel(path: string | undefined, warn: (message: string) => void): NerModel | undefined {
  try {
    return path === undefined ? loadNerModel() : loadNerModel(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    warn(
      `marsad: the entity tagger could not be loaded (${why}); only names in the knowledge base will be found`,
    );
    return undefined;
  }
}

const warned = new Set<string>();
function warnOnceOnStderr(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.stderr.write(`${message}\n`);
}

let built: Pipeline | undefined;
function lazyDefault(): Pipeline {
  // Built on first use, not on import: loading the KB and the tagger takes ~0.5 s.
  built ??= createPipeline({ kbDirs: defaultKbDirs(process.env) });
  return built;
}

/** The stages Marsad runs by default (the shipped KB plus $MARSAD_KB layers), built on first use. */
export const defaultPipeline: Pipeline = {
  get stages() {
    return lazyDefault().stages;
  },
  run: (doc) => lazyDefault().run(doc),
};

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
  return pipeline.run({ ...doc, ...unanalysed() });
}
