import {
  type AggregatedRelation,
  type ClaimGroup,
  type ClaimRecord,
  claimRecords,
  EntityCollector,
  RelationCollector,
} from '../corpus/index.js';
import { type CorpusEvent, collectCorpusEvents, corpusKnowledgeBase } from '../jobs/index.js';
import type { KnowledgeBase } from '../kb/index.js';
import type { AnalysedDocument, Span } from '../model/index.js';
import type { Store } from '../store/index.js';
import { groupClaimsOffThread } from './claim-groups.js';
import type { EntityRef } from './contract.js';

// The corpus-wide views (events, claim groups, relations, entities, the KB for places) need every
// document. They are built in one streaming pass and kept until the store changes: the server
// bumps the generation after each ingest job, and a different document count (another process
// ingesting into the same database) rebuilds them too.

export interface EvidencePassage {
  document: string;
  start: number;
  end: number;
  sentence: string;
}

/** Claim groups and the relations (whose confidence counts the groups' denials). */
export interface ClaimViews {
  groups: ClaimGroup[];
  relations: AggregatedRelation[];
}

export interface CorpusSnapshot {
  generation: number;
  documents: number;
  events: CorpusEvent[];
  /** Corpus event id → the passages that report it, in every document. */
  evidence: Map<string, EvidencePassage[]>;
  entities: EntityCollector;
  kb: KnowledgeBase;
  builtMs: number;
  /**
   * Grouping claims costs far more than the rest (it compares claims pairwise), so it is done on
   * first use, once per snapshot, in a worker thread when there are many: events, the timeline,
   * the map and health never wait for it.
   */
  claims(): Promise<ClaimViews>;
}

const MAX_PASSAGE = 600;

/** The sentences around an evidence span (from the start of its first to the end of its last). */
export function passageOf(doc: Pick<AnalysedDocument, 'text' | 'sentences'>, span: Span): string {
  let start = span.start;
  let end = span.end;
  for (const s of doc.sentences) {
    if (s.end <= span.start) continue;
    if (s.start >= span.end) break;
    start = Math.min(start, s.start);
    end = Math.max(end, s.end);
  }
  const text = doc.text.slice(start, end).replace(/\s+/g, ' ').trim();
  return text.length > MAX_PASSAGE ? `${text.slice(0, MAX_PASSAGE - 1)}…` : text;
}

export async function buildSnapshot(
  store: Store,
  kbDirs: readonly string[] | undefined,
  generation: number,
  log: (message: string) => void = () => {},
): Promise<CorpusSnapshot> {
  const started = Date.now();
  const claims: ClaimRecord[] = [];
  const relations = new RelationCollector();
  const entities = new EntityCollector();
  const withEvents: AnalysedDocument[] = [];
  const passages: { doc: string; eventId: string; passage: EvidencePassage }[] = [];
  let documents = 0;
  for await (const doc of store.iterateDocuments()) {
    documents++;
    for (const r of claimRecords(doc)) claims.push(r);
    relations.add(doc);
    entities.add(doc);
    if (!doc.events.length) continue;
    for (const e of doc.events)
      for (const span of e.evidence)
        passages.push({
          doc: doc.id,
          eventId: e.id,
          passage: { document: doc.id, start: span.start, end: span.end, sentence: passageOf(doc, span) },
        });
    // the event fold keeps names, not mentions: drop them so the corpus is not held in memory
    withEvents.push({ ...doc, entities: doc.entities.map((e) => ({ ...e, mentions: [] })) });
  }
  const events = collectCorpusEvents(withEvents);
  const evidence = new Map<string, EvidencePassage[]>();
  for (const p of passages) {
    const list = evidence.get(p.eventId);
    if (list) list.push(p.passage);
    else evidence.set(p.eventId, [p.passage]);
  }
  let claimViews: Promise<ClaimViews> | null = null;
  return {
    generation,
    documents,
    events,
    evidence,
    entities,
    kb: await corpusKnowledgeBase(store, kbDirs),
    builtMs: Date.now() - started,
    claims() {
      claimViews ??= groupClaimsOffThread(claims, log).then(
        (groups) => ({ groups, relations: relations.relations(groups) }),
        (e: unknown) => {
          claimViews = null;
          throw e;
        },
      );
      return claimViews;
    },
  };
}

export class CorpusCache {
  private generation = 0;
  private pending: Promise<CorpusSnapshot> | null = null;
  private last: CorpusSnapshot | null = null;

  constructor(
    private readonly store: Store,
    private readonly kbDirs?: readonly string[],
    /**
     * True while the server's own ingest job writes: the count check is skipped then (each page
     * of a long job would rebuild the views); the job's end invalidates them anyway.
     */
    private readonly writing: () => boolean = () => false,
    private readonly log: (message: string) => void = () => {},
  ) {}

  /** The store changed (an ingest job finished): the next request rebuilds. */
  invalidate(): void {
    this.generation++;
    this.pending = null;
  }

  get currentGeneration(): number {
    return this.generation;
  }

  async get(): Promise<CorpusSnapshot> {
    if (this.last && this.last.generation === this.generation && !this.writing()) {
      if ((await this.store.countDocuments()) !== this.last.documents) this.invalidate();
    }
    if (!this.pending) {
      const generation = this.generation;
      const build = buildSnapshot(this.store, this.kbDirs, generation, this.log).then(
        (s) => {
          if (s.generation === this.generation) this.last = s;
          return s;
        },
        (e: unknown) => {
          // a failed build is not cached: the next request tries again
          if (this.pending === build) this.pending = null;
          throw e;
        },
      );
      this.pending = build;
    }
    return this.pending;
  }
}

/** An entity named for display, from the corpus (null when no document has it). */
export function entityRef(s: CorpusSnapshot, id: string): EntityRef | null {
  const n = s.entities.get(id);
  if (!n) return null;
  return { id: n.id, type: n.type, kind: n.kind, name: n.name, name_ar: n.name_ar };
}

export function entityRefs(s: CorpusSnapshot, ids: Iterable<string | null>): EntityRef[] {
  const out: EntityRef[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (id === null || seen.has(id)) continue;
    seen.add(id);
    const r = entityRef(s, id);
    if (r) out.push(r);
  }
  return out;
}
