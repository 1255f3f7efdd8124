import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  type DossierOptions,
  type EntityDossier,
  EntityEdit,
  type EntityEditChange,
  type EntityEditRecord,
  type EntityList,
  type EntityQuery,
  type EntitySnapshot,
  type EntitySummary,
} from '../../corpus/index.js';
import {
  AnalysedDocument,
  ENTITY_KINDS,
  ENTITY_TYPES,
  type Entity,
  IngestFailure,
  MarsadError,
  type SearchAnalyzer,
  type SearchHit,
  SearchQuery,
  type SearchResult,
  toMarsadError,
} from '../../model/index.js';
import { documentId } from '../../util/index.js';
import { findHighlights, makeSnippet } from '../highlight.js';
import { parseQuery } from '../query.js';
import type { DocumentSummary, ListOptions, PutResult, Store } from '../store.js';
import { toFtsMatch } from './fts.js';
import { assertMigrated, migrate } from './migrations.js';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:` for a private in-memory database. */
  path: string;
  /** Turns text into index terms (the text layer's Arabic analyzer in production). */
  analyzer: SearchAnalyzer;
  /** Open an existing database without writing to it (no migrations, no WAL switch). */
  readonly?: boolean;
  /** How long to wait for another process's write lock, in ms. */
  busyTimeoutMs?: number;
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/** What of an AnalysedDocument is not a column: kept as one JSON value. */
type Analysis = Pick<
  AnalysedDocument,
  'sentences' | 'tokenCount' | 'dates' | 'entities' | 'events' | 'claims' | 'relations' | 'warnings'
>;

interface DocumentRow {
  seq: number;
  id: string;
  source: string;
  kind: string;
  url: string | null;
  title: string | null;
  published: string | null;
  language: string;
  encoding: string | null;
  text: string;
  body_start: number;
  analysis: string;
}

interface SearchRow {
  id: string;
  source: string;
  title: string | null;
  published: string | null;
  text: string;
  body_start: number;
  score: number;
}

const DEFAULT_LIST_LIMIT = 50;
const DEFAULT_ITERATE_BATCH = 200;
const HEX_PREFIX = /^(?:sha256:)?([0-9a-f]{8,64})$/;

function analysisOf(doc: AnalysedDocument): Analysis {
  return {
    sentences: doc.sentences,
    tokenCount: doc.tokenCount,
    dates: doc.dates,
    entities: doc.entities,
    events: doc.events,
    claims: doc.claims,
    relations: doc.relations,
    warnings: doc.warnings,
  };
}

function pageOf(options: ListOptions | undefined): { limit: number; offset: number } {
  const limit = options?.limit ?? DEFAULT_LIST_LIMIT;
  const offset = options?.offset ?? 0;
  if (!Number.isInteger(limit) || limit < 0 || !Number.isInteger(offset) || offset < 0) {
    throw new MarsadError(
      'E_USAGE',
      `limit and offset must be non-negative integers (got ${limit}, ${offset})`,
    );
  }
  return { limit, offset };
}

/** `\`, `%` and `_` are LIKE wildcards: a source filter is a plain substring. */
function likeSubstring(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function prepareStatements(db: Database.Database, readonly: boolean) {
  const docColumns =
    'seq, id, source, kind, url, title, published, language, encoding, text, body_start, analysis';
  return {
    insert: readonly
      ? null
      : db.prepare(
          `INSERT INTO documents
             (id, source, kind, url, title, published, language, encoding, text, body_start, chars,
              ingested_at, analysis, search_text)
           VALUES (@id, @source, @kind, @url, @title, @published, @language, @encoding, @text, @bodyStart,
              @chars, @ingestedAt, @analysis, @searchText)
           ON CONFLICT (id) DO NOTHING`,
        ),
    update: readonly
      ? null
      : db.prepare(
          // search_text is left alone: it is a function of the text (fixed: the id is its hash)
          // and of the analyzer (a new analyzer re-indexes every document when the store opens)
          `UPDATE documents SET title = @title, published = @published, language = @language,
             body_start = @bodyStart, analysis = @analysis
           WHERE id = @id`,
        ),
    textById: db.prepare('SELECT text FROM documents WHERE id = ?').pluck(),
    has: db.prepare('SELECT 1 FROM documents WHERE id = ?').pluck(),
    byId: db.prepare(`SELECT ${docColumns} FROM documents WHERE id = ?`),
    bySource: db.prepare(`SELECT ${docColumns} FROM documents WHERE source = ? ORDER BY seq DESC LIMIT 1`),
    byPrefix: db.prepare(`SELECT ${docColumns} FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`),
    list: db.prepare(
      `SELECT id, source, title, published, ingested_at AS ingestedAt, chars
       FROM documents ORDER BY seq LIMIT ? OFFSET ?`,
    ),
    count: db.prepare('SELECT count(*) FROM documents').pluck(),
    page: db.prepare(`SELECT ${docColumns} FROM documents WHERE seq > ? ORDER BY seq LIMIT ?`),
    recordFailure: readonly
      ? null
      : db.prepare(
          // REPLACE deletes the old row: the new one gets a new seq, so it lists as the latest
          'INSERT OR REPLACE INTO failures (source, code, message, at) VALUES (@source, @code, @message, @at)',
        ),
    clearFailure: readonly ? null : db.prepare('DELETE FROM failures WHERE source = ?'),
    listFailures: db.prepare('SELECT source, code, message, at FROM failures ORDER BY seq LIMIT ? OFFSET ?'),
    countFailures: db.prepare('SELECT count(*) FROM failures').pluck(),
    searchCount: db
      .prepare(
        `SELECT count(*) FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
         WHERE documents_fts MATCH @match
           AND (@from IS NULL OR d.published >= @from) AND (@to IS NULL OR d.published <= @to)
           AND (@source IS NULL OR d.source LIKE @source ESCAPE '\\')`,
      )
      .pluck(),
    searchPage: db.prepare(
      `SELECT d.id, d.source, d.title, d.published, d.text, d.body_start, -documents_fts.rank AS score
       FROM documents_fts JOIN documents d ON d.seq = documents_fts.rowid
       WHERE documents_fts MATCH @match
         AND (@from IS NULL OR d.published >= @from) AND (@to IS NULL OR d.published <= @to)
         AND (@source IS NULL OR d.source LIKE @source ESCAPE '\\')
       ORDER BY documents_fts.rank, d.seq
       LIMIT @limit OFFSET @offset`,
    ),
  };
}

type Statements = ReturnType<typeof prepareStatements>;

/** The filters of listEntities, shared by the page and the count. */
const ENTITY_FILTER = `
  (@type IS NULL OR type = @type) AND (@kind IS NULL OR kind = @kind)
  AND (@lo IS NULL OR (entity_id >= @lo AND entity_id < @hi))
  AND (@qform IS NULL OR entity_id LIKE @qform ESCAPE '\\' OR entity_id IN (
    SELECT entity_id FROM entity_names WHERE form LIKE @qform ESCAPE '\\' OR (@qkey IS NOT NULL AND key LIKE @qkey ESCAPE '\\')))`;

function prepareEntityStatements(db: Database.Database, readonly: boolean) {
  const w = (sql: string) => (readonly ? null : db.prepare(sql));
  return {
    seqById: db.prepare('SELECT seq FROM documents WHERE id = ?').pluck(),
    updateAnalysis: w('UPDATE documents SET analysis = @analysis WHERE seq = @seq'),
    delEntities: w('DELETE FROM document_entities WHERE doc_seq = ?'),
    delNames: w('DELETE FROM entity_names WHERE doc_seq = ?'),
    insEntity: w(
      `INSERT INTO document_entities
         (entity_id, doc_seq, type, kind, name, name_ar, wikidata, mentions, first_offset, published)
       VALUES (@id, @seq, @type, @kind, @name, @name_ar, @wikidata, @mentions, @first, @published)
       ON CONFLICT (entity_id, doc_seq) DO UPDATE SET
         mentions = mentions + excluded.mentions,
         first_offset = min(coalesce(first_offset, excluded.first_offset), coalesce(excluded.first_offset, first_offset))`,
    ),
    insName: w('INSERT OR IGNORE INTO entity_names (key, form, entity_id, doc_seq) VALUES (?, ?, ?, ?)'),
    listEntities: db.prepare(
      `WITH agg AS (
         SELECT entity_id, count(*) AS documents, sum(mentions) AS mentions,
                min(published) AS first_seen, max(published) AS last_seen, max(doc_seq) AS last_seq
         FROM document_entities WHERE ${ENTITY_FILTER}
         GROUP BY entity_id)
       SELECT a.entity_id AS id, d.type, d.kind, d.name, d.name_ar, a.documents, a.mentions,
              a.first_seen AS firstSeen, a.last_seen AS lastSeen
       FROM agg a JOIN document_entities d ON d.entity_id = a.entity_id AND d.doc_seq = a.last_seq
       ORDER BY a.documents DESC, a.mentions DESC, a.entity_id
       LIMIT @limit OFFSET @offset`,
    ),
    countEntities: db
      .prepare(`SELECT count(DISTINCT entity_id) FROM document_entities WHERE ${ENTITY_FILTER}`)
      .pluck(),
    entityExists: db.prepare('SELECT 1 FROM document_entities WHERE entity_id = ? LIMIT 1').pluck(),
    entitiesByForm: db.prepare(
      `SELECT entity_id AS id, count(DISTINCT doc_seq) AS n FROM entity_names WHERE form = ?
       GROUP BY entity_id ORDER BY n DESC, entity_id`,
    ),
    entitiesByKey: db.prepare(
      `SELECT entity_id AS id, count(DISTINCT doc_seq) AS n FROM entity_names WHERE key = ?
       GROUP BY entity_id ORDER BY n DESC, entity_id`,
    ),
    entityAgg: db.prepare(
      `SELECT count(*) AS documents, sum(mentions) AS mentions, min(published) AS firstSeen,
              max(published) AS lastSeen
       FROM document_entities WHERE entity_id = ?`,
    ),
    entityLatest: db.prepare(
      `SELECT entity_id AS id, type, kind, name, name_ar FROM document_entities WHERE entity_id = ?
       ORDER BY doc_seq DESC LIMIT 1`,
    ),
    entityWikidata: db
      .prepare(
        `SELECT wikidata FROM document_entities WHERE entity_id = ? AND wikidata IS NOT NULL
         ORDER BY doc_seq DESC LIMIT 1`,
      )
      .pluck(),
    entityNames: db.prepare(
      `SELECT form, count(DISTINCT doc_seq) AS documents FROM entity_names WHERE entity_id = ?
       GROUP BY form ORDER BY documents DESC, form`,
    ),
    entityDocuments: db.prepare(
      `SELECT d.id, d.source, d.title, d.published, de.mentions
       FROM document_entities de JOIN documents d ON d.seq = de.doc_seq
       WHERE de.entity_id = ?
       ORDER BY de.published IS NULL, de.published, de.doc_seq LIMIT ?`,
    ),
    coOccurring: db.prepare(
      `SELECT o.entity_id AS id, count(*) AS shared
       FROM document_entities e JOIN document_entities o ON o.doc_seq = e.doc_seq AND o.entity_id <> e.entity_id
       WHERE e.entity_id = ?
       GROUP BY o.entity_id ORDER BY shared DESC, o.entity_id LIMIT ?`,
    ),
    documentsWith: db
      .prepare(
        `SELECT id FROM documents WHERE seq IN (
           SELECT doc_seq FROM document_entities WHERE entity_id IN (SELECT value FROM json_each(?)))
         ORDER BY seq`,
      )
      .pluck(),
    insEdit: w('INSERT INTO entity_edits (at, op, edit, documents) VALUES (?, ?, ?, ?)'),
    insSnapshot: w(
      'INSERT OR REPLACE INTO entity_edit_snapshots (edit_seq, doc_seq, before) VALUES (?, ?, ?)',
    ),
    listEdits: db.prepare('SELECT seq, at, edit, documents, undone_at FROM entity_edits ORDER BY seq'),
    getEdit: db.prepare('SELECT seq, at, edit, documents, undone_at FROM entity_edits WHERE seq = ?'),
    markUndone: w('UPDATE entity_edits SET undone_at = ? WHERE seq = ?'),
    snapshots: db.prepare(
      `SELECT d.id AS documentId, s.before FROM entity_edit_snapshots s JOIN documents d ON d.seq = s.doc_seq
       WHERE s.edit_seq = ? ORDER BY s.doc_seq`,
    ),
  };
}

type EntityStatements = ReturnType<typeof prepareEntityStatements>;

interface EditRow {
  seq: number;
  at: string;
  edit: string;
  documents: number;
  undone_at: string | null;
}

const DEFAULT_DOSSIER_DOCUMENTS = 100;
const DEFAULT_DOSSIER_CO = 20;

function checkEnum<T extends string>(
  label: string,
  value: string | undefined,
  allowed: readonly T[],
): T | null {
  if (value === undefined || value === '') return null;
  if (!(allowed as readonly string[]).includes(value))
    throw new MarsadError('E_USAGE', `unknown ${label} ${value} (one of: ${allowed.join(', ')})`);
  return value as T;
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly path: string;
  readonly readonly: boolean;
  private readonly db: Database.Database;
  private readonly analyzer: SearchAnalyzer;
  private readonly stmts: Statements;
  private readonly ents: EntityStatements;

  constructor(options: SqliteStoreOptions) {
    this.path = options.path;
    this.readonly = options.readonly ?? false;
    this.analyzer = options.analyzer;
    const memory = options.path === ':memory:' || options.path === '';
    try {
      if (!this.readonly && !memory) mkdirSync(dirname(options.path), { recursive: true });
      this.db = new Database(options.path, { readonly: this.readonly, fileMustExist: this.readonly });
    } catch (e) {
      const code =
        this.readonly && (e as { code?: string }).code === 'SQLITE_CANTOPEN' ? 'E_NOT_FOUND' : 'E_STORE';
      throw new MarsadError(code, `cannot open database ${options.path}: ${(e as Error).message}`, {
        cause: e,
        input: options.path,
      });
    }
    let applied: number[] = [];
    try {
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      this.db.pragma('foreign_keys = ON');
      if (this.readonly) {
        assertMigrated(this.db);
      } else {
        // WAL: readers never block the writer, and a killed writer leaves the last commit intact.
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        applied = migrate(this.db);
      }
      this.stmts = prepareStatements(this.db, this.readonly);
      this.ents = prepareEntityStatements(this.db, this.readonly);
      if (!this.readonly) {
        // the entity index is derived data: built when its migration arrives (from the documents
        // already stored), and again when the analyzer that keys its names changes
        const rebuilt = this.syncAnalyzerVersion();
        if (!rebuilt && applied.includes(3)) this.rebuildEntityIndexNow();
      }
    } catch (e) {
      this.db.close();
      throw toMarsadError(e, 'E_STORE', options.path);
    }
  }

  /** Run a database step; anything thrown becomes a MarsadError (E_STORE unless already coded). */
  private guard<T>(fn: () => T): T {
    if (!this.db.open) throw new MarsadError('E_STORE', 'the store is closed', { input: this.path });
    try {
      return fn();
    } catch (e) {
      throw toMarsadError(e, 'E_STORE', this.path);
    }
  }

  private writable<T>(stmt: T | null): T {
    if (stmt === null)
      throw new MarsadError('E_STORE', 'the store was opened read-only', { input: this.path });
    return stmt;
  }

  private validate(doc: unknown): AnalysedDocument {
    const parsed = AnalysedDocument.safeParse(doc);
    const source = (doc as { source?: unknown })?.source;
    const input = typeof source === 'string' ? source : undefined;
    if (!parsed.success) {
      throw new MarsadError('E_VALIDATION', `not a valid analysed document: ${parsed.error.message}`, {
        cause: parsed.error,
        ...(input === undefined ? {} : { input }),
      });
    }
    if (documentId(parsed.data.text) !== parsed.data.id) {
      throw new MarsadError('E_VALIDATION', `document id ${parsed.data.id} is not the hash of its text`, {
        ...(input === undefined ? {} : { input }),
      });
    }
    return parsed.data;
  }

  private searchText(text: string): string {
    return this.analyzer
      .tokens(text)
      .map((t) => t.term.trim())
      .filter((t) => t !== '')
      .join(' ');
  }

  private fromRow(row: DocumentRow): AnalysedDocument {
    let analysis: unknown;
    try {
      analysis = JSON.parse(row.analysis);
    } catch (e) {
      throw new MarsadError('E_STORE', `stored analysis of ${row.id} is not JSON`, {
        cause: e,
        input: row.id,
      });
    }
    const parsed = AnalysedDocument.safeParse({
      ...(analysis as object),
      id: row.id,
      source: row.source,
      kind: row.kind,
      url: row.url,
      title: row.title,
      published: row.published,
      language: row.language,
      encoding: row.encoding,
      text: row.text,
      bodyStart: row.body_start,
    });
    if (!parsed.success) {
      throw new MarsadError(
        'E_VALIDATION',
        `stored document ${row.id} does not match the model: ${parsed.error.message}`,
        {
          cause: parsed.error,
          input: row.id,
        },
      );
    }
    return parsed.data;
  }

  async putDocuments(docs: readonly AnalysedDocument[]): Promise<PutResult> {
    // Validate and analyse first: a bad document rejects the batch before anything is written,
    // and the write transaction stays short. Documents already stored are not analysed again
    // (re-running an ingest over the same folder is mostly duplicates).
    const known = this.guard(
      () => new Set(docs.map((d) => d.id).filter((id) => this.stmts.has.get(id) !== undefined)),
    );
    const valid = docs.map((d) => this.validate(d));
    const rows = valid.map((doc) => {
      return {
        id: doc.id,
        source: doc.source,
        kind: doc.kind,
        url: doc.url,
        title: doc.title,
        published: doc.published,
        language: doc.language,
        encoding: doc.encoding,
        text: doc.text,
        bodyStart: doc.bodyStart,
        chars: doc.text.length,
        ingestedAt: '',
        analysis: JSON.stringify(analysisOf(doc)),
        searchText: known.has(doc.id) ? null : this.searchText(doc.text),
      };
    });
    return this.guard(() => {
      const insert = this.writable(this.stmts.insert);
      const ingestedAt = new Date().toISOString();
      return this.db
        .transaction((): PutResult => {
          let inserted = 0;
          const skipped: string[] = [];
          rows.forEach((row, i) => {
            row.ingestedAt = ingestedAt;
            // seen before the transaction: still there (documents are never deleted), skip it
            if (row.searchText === null && this.stmts.has.get(row.id) !== undefined) {
              skipped.push(row.id);
              return;
            }
            row.searchText ??= this.searchText(row.text);
            const info = insert.run(row);
            if (info.changes === 1) {
              inserted++;
              const doc = valid[i]!;
              this.indexEntities(Number(info.lastInsertRowid), doc.entities, doc.published);
            } else skipped.push(row.id);
          });
          return { inserted, skipped };
        })
        .immediate();
    });
  }

  async updateDocument(d: AnalysedDocument): Promise<boolean> {
    const doc = this.validate(d);
    return this.guard(() => {
      const update = this.writable(this.stmts.update);
      return this.db
        .transaction(() => {
          const info = update.run({
            id: doc.id,
            title: doc.title,
            published: doc.published,
            language: doc.language,
            bodyStart: doc.bodyStart,
            analysis: JSON.stringify(analysisOf(doc)),
          });
          if (info.changes !== 1) return false;
          const seq = this.ents.seqById.get(doc.id) as number;
          this.indexEntities(seq, doc.entities, doc.published);
          return true;
        })
        .immediate();
    });
  }

  async hasDocument(id: string): Promise<boolean> {
    return this.guard(() => this.stmts.has.get(id) !== undefined);
  }

  async getDocument(ref: string): Promise<AnalysedDocument | null> {
    return this.guard(() => {
      const exact = (this.stmts.byId.get(ref) ?? this.stmts.bySource.get(ref)) as DocumentRow | undefined;
      if (exact) return this.fromRow(exact);
      const m = HEX_PREFIX.exec(ref.trim().toLowerCase());
      if (!m) return null;
      const lo = `sha256:${m[1]}`;
      const rows = this.stmts.byPrefix.all(lo, `${lo}g`) as DocumentRow[];
      if (rows.length > 1) {
        throw new MarsadError(
          'E_USAGE',
          `id prefix ${ref} matches more than one document: give more digits`,
          {
            input: ref,
          },
        );
      }
      return rows[0] ? this.fromRow(rows[0]) : null;
    });
  }

  async listDocuments(options?: ListOptions): Promise<DocumentSummary[]> {
    const { limit, offset } = pageOf(options);
    return this.guard(() => this.stmts.list.all(limit, offset) as DocumentSummary[]);
  }

  async countDocuments(): Promise<number> {
    return this.guard(() => this.stmts.count.get() as number);
  }

  async *iterateDocuments(batchSize = DEFAULT_ITERATE_BATCH): AsyncIterable<AnalysedDocument> {
    if (!Number.isInteger(batchSize) || batchSize < 1) {
      throw new MarsadError('E_USAGE', `batch size must be a positive integer (got ${batchSize})`);
    }
    // Keyset paging on seq: each page is a fresh query, so no cursor stays open between pages and
    // documents added meanwhile are picked up at the end.
    let after = 0;
    for (;;) {
      const rows = this.guard(() => this.stmts.page.all(after, batchSize) as DocumentRow[]);
      for (const row of rows) yield this.fromRow(row);
      if (rows.length < batchSize) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  async recordFailure(failure: IngestFailure): Promise<void> {
    const parsed = IngestFailure.safeParse(failure);
    if (!parsed.success) {
      throw new MarsadError('E_VALIDATION', `not a valid failure record: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    }
    this.guard(() => this.writable(this.stmts.recordFailure).run(parsed.data));
  }

  async clearFailure(source: string): Promise<boolean> {
    return this.guard(() => this.writable(this.stmts.clearFailure).run(source).changes > 0);
  }

  async listFailures(options?: ListOptions): Promise<IngestFailure[]> {
    const { limit, offset } = pageOf(options);
    return this.guard(() => this.stmts.listFailures.all(limit, offset) as IngestFailure[]);
  }

  async countFailures(): Promise<number> {
    return this.guard(() => this.stmts.countFailures.get() as number);
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const parsedQuery = SearchQuery.safeParse(query);
    if (!parsedQuery.success) {
      throw new MarsadError('E_USAGE', `invalid search: ${parsedQuery.error.message}`, {
        cause: parsedQuery.error,
      });
    }
    const q = parsedQuery.data;
    const parsed = parseQuery(q.q, this.analyzer);
    const match = toFtsMatch(parsed);
    if (match === null) return { total: 0, hits: [] };
    const params = {
      match,
      from: q.from ?? null,
      to: q.to ?? null,
      source: q.source === undefined || q.source === '' ? null : likeSubstring(q.source),
    };
    return this.guard(() => {
      const total = this.stmts.searchCount.get(params) as number;
      if (total === 0 || q.offset >= total) return { total, hits: [] };
      const rows = this.stmts.searchPage.all({ ...params, limit: q.limit, offset: q.offset }) as SearchRow[];
      const hits = rows.map((row): SearchHit => {
        const highlights = findHighlights(row.text, parsed, this.analyzer);
        const { snippet, snippetHighlights } = makeSnippet(row.text, highlights, 200, row.body_start);
        return {
          id: row.id,
          source: row.source,
          title: row.title,
          published: row.published,
          score: row.score,
          snippet,
          snippetHighlights,
          highlights,
        };
      });
      return { total, hits };
    });
  }

  // ---- entity index

  /** A name's lookup key: the analyzer's terms, so that وفاغنر and فاغنر meet as search does. */
  private nameKey(form: string): string {
    const key = this.searchText(form);
    return key === '' ? form.trim().toLowerCase() : key;
  }

  /** Replace one document's rows in the entity index (inside the caller's transaction). */
  private indexEntities(seq: number, entities: readonly Entity[], published: string | null): void {
    const del = this.writable(this.ents.delEntities);
    const delNames = this.writable(this.ents.delNames);
    const ins = this.writable(this.ents.insEntity);
    const insName = this.writable(this.ents.insName);
    del.run(seq);
    delNames.run(seq);
    for (const e of entities) {
      ins.run({
        id: e.id,
        seq,
        type: e.type,
        kind: e.kind ?? null,
        name: e.name,
        name_ar: e.name_ar,
        wikidata: e.wikidata ?? null,
        mentions: e.mentions.length,
        first: e.mentions.length ? Math.min(...e.mentions.map((m) => m.start)) : null,
        published,
      });
      const forms = new Set<string>();
      for (const f of [e.name, e.name_ar, ...e.aliases, ...e.mentions.map((m) => m.text)]) {
        const t = f?.trim();
        if (t) forms.add(t);
      }
      for (const f of forms) insName.run(this.nameKey(f), f, e.id, seq);
    }
  }

  /** Rebuild the whole entity index from the stored analyses. Returns the documents indexed. */
  private rebuildEntityIndexNow(): number {
    this.db.exec('DELETE FROM document_entities; DELETE FROM entity_names;');
    const select = this.db.prepare(
      'SELECT seq, published, analysis FROM documents WHERE seq > ? ORDER BY seq LIMIT 500',
    );
    let after = 0;
    let n = 0;
    for (;;) {
      const rows = select.all(after) as { seq: number; published: string | null; analysis: string }[];
      if (rows.length === 0) return n;
      this.db
        .transaction(() => {
          for (const r of rows) {
            const entities = (JSON.parse(r.analysis) as { entities?: Entity[] }).entities ?? [];
            this.indexEntities(r.seq, entities, r.published);
          }
        })
        .immediate();
      n += rows.length;
      after = rows[rows.length - 1]!.seq;
    }
  }

  async listEntities(query: EntityQuery = {}): Promise<EntityList> {
    const { limit, offset } = pageOf(query);
    const params = this.entityFilter(query);
    return this.guard(() => {
      const total = this.ents.countEntities.get(params) as number;
      if (total === 0 || offset >= total) return { total, entities: [] };
      const entities = this.ents.listEntities.all({ ...params, limit, offset }) as EntitySummary[];
      return { total, entities };
    });
  }

  private entityFilter(query: EntityQuery) {
    const type = checkEnum('entity type', query.type, ENTITY_TYPES);
    const kind = checkEnum('entity kind', query.kind, ENTITY_KINDS);
    const q = query.q?.trim() ? query.q.trim() : null;
    const key = q === null ? '' : this.searchText(q);
    const prefix = query.idPrefix ? query.idPrefix : null;
    return {
      type,
      kind,
      lo: prefix,
      hi: prefix === null ? null : `${prefix}\uffff`,
      qform: q === null ? null : likeSubstring(q),
      qkey: key === '' ? null : likeSubstring(key),
    };
  }

  async getEntityDossier(ref: string, options: DossierOptions = {}): Promise<EntityDossier | null> {
    const docLimit = options.documentsLimit ?? DEFAULT_DOSSIER_DOCUMENTS;
    const coLimit = options.coLimit ?? DEFAULT_DOSSIER_CO;
    for (const n of [docLimit, coLimit])
      if (!Number.isInteger(n) || n < 0)
        throw new MarsadError('E_USAGE', `dossier limits must be non-negative integers (got ${n})`);
    const r = ref.trim();
    if (r === '') return null;
    return this.guard(() => {
      let id: string | undefined;
      let also: string[] = [];
      for (const candidate of [r, `ent-${r}`])
        if (this.ents.entityExists.get(candidate) !== undefined) {
          id = candidate;
          break;
        }
      if (id === undefined) {
        const byForm = this.ents.entitiesByForm.all(r) as { id: string }[];
        const byKey = this.ents.entitiesByKey.all(this.nameKey(r)) as { id: string }[];
        const ids = [...new Set([...byForm, ...byKey].map((x) => x.id))];
        if (ids.length === 0) return null;
        [id] = ids;
        also = ids.slice(1);
      }
      const agg = this.ents.entityAgg.get(id) as Pick<
        EntitySummary,
        'documents' | 'mentions' | 'firstSeen' | 'lastSeen'
      >;
      const latest = this.ents.entityLatest.get(id) as Pick<
        EntitySummary,
        'id' | 'type' | 'kind' | 'name' | 'name_ar'
      >;
      const co = this.ents.coOccurring.all(id, coLimit) as { id: string; shared: number }[];
      return {
        ...latest,
        ...agg,
        wikidata: (this.ents.entityWikidata.get(id) as string | undefined) ?? null,
        names: this.ents.entityNames.all(id) as EntityDossier['names'],
        documentList: this.ents.entityDocuments.all(id, docLimit) as EntityDossier['documentList'],
        coOccurring: co.map((c) => ({
          ...(this.ents.entityLatest.get(c.id) as Omit<EntityDossier['coOccurring'][number], 'shared'>),
          shared: c.shared,
        })),
        alsoMatches: also,
      };
    });
  }

  async documentsWithEntities(entityIds: readonly string[]): Promise<string[]> {
    if (entityIds.length === 0) return [];
    return this.guard(() => this.ents.documentsWith.all(JSON.stringify(entityIds)) as string[]);
  }

  // ---- entity edits

  private editRecord(row: EditRow): EntityEditRecord {
    const parsed = EntityEdit.safeParse(JSON.parse(row.edit));
    if (!parsed.success)
      throw new MarsadError('E_STORE', `stored entity edit #${row.seq} does not match the model`, {
        cause: parsed.error,
      });
    return { seq: row.seq, at: row.at, edit: parsed.data, undoneAt: row.undone_at, documents: row.documents };
  }

  /** Store the new entity arrays of a document whose text is unchanged (no re-indexing of words). */
  private rewriteAnalysis(doc: AnalysedDocument): number | null {
    const seq = this.ents.seqById.get(doc.id) as number | undefined;
    if (seq === undefined) return null;
    this.writable(this.ents.updateAnalysis).run({ seq, analysis: JSON.stringify(analysisOf(doc)) });
    this.indexEntities(seq, doc.entities, doc.published);
    return seq;
  }

  async recordEntityEdit(edit: EntityEdit, changes: readonly EntityEditChange[]): Promise<EntityEditRecord> {
    const parsed = EntityEdit.safeParse(edit);
    if (!parsed.success)
      throw new MarsadError('E_VALIDATION', `not a valid entity edit: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    const docs = changes.map((c) => ({ doc: this.validate(c.doc), before: c.before }));
    return this.guard(() =>
      this.db
        .transaction(() => {
          const at = new Date().toISOString();
          const info = this.writable(this.ents.insEdit).run(
            at,
            parsed.data.op,
            JSON.stringify(parsed.data),
            docs.length,
          );
          const seq = Number(info.lastInsertRowid);
          for (const c of docs) {
            const docSeq = this.rewriteAnalysis(c.doc);
            if (docSeq === null) throw new MarsadError('E_NOT_FOUND', `no document ${c.doc.id}`);
            this.writable(this.ents.insSnapshot).run(seq, docSeq, JSON.stringify(c.before));
          }
          return this.editRecord(this.ents.getEdit.get(seq) as EditRow);
        })
        .immediate(),
    );
  }

  async listEntityEdits(): Promise<EntityEditRecord[]> {
    return this.guard(() => (this.ents.listEdits.all() as EditRow[]).map((r) => this.editRecord(r)));
  }

  async getEntityEditSnapshots(seq: number): Promise<{ documentId: string; before: EntitySnapshot }[]> {
    return this.guard(() =>
      (this.ents.snapshots.all(seq) as { documentId: string; before: string }[]).map((r) => ({
        documentId: r.documentId,
        before: JSON.parse(r.before) as EntitySnapshot,
      })),
    );
  }

  async undoEntityEdit(seq: number, docs: readonly AnalysedDocument[]): Promise<EntityEditRecord> {
    const valid = docs.map((d) => this.validate(d));
    return this.guard(() =>
      this.db
        .transaction(() => {
          const row = this.ents.getEdit.get(seq) as EditRow | undefined;
          if (!row) throw new MarsadError('E_NOT_FOUND', `no entity edit #${seq}`);
          if (row.undone_at !== null)
            throw new MarsadError('E_USAGE', `entity edit #${seq} was already undone`);
          for (const d of valid) this.rewriteAnalysis(d);
          this.writable(this.ents.markUndone).run(new Date().toISOString(), seq);
          return this.editRecord(this.ents.getEdit.get(seq) as EditRow);
        })
        .immediate(),
    );
  }

  /**
   * SQLite's own check plus FTS5's check of the index against the documents table. For `marsad
   * doctor` and the crash-safety test.
   */
  async integrityCheck(): Promise<IntegrityReport> {
    return this.guard(() => {
      const problems = (this.db.pragma('integrity_check') as { integrity_check: string }[])
        .map((r) => r.integrity_check)
        .filter((r) => r !== 'ok');
      try {
        this.db
          .prepare("INSERT INTO documents_fts (documents_fts, rank) VALUES ('integrity-check', 1)")
          .run();
      } catch (e) {
        problems.push(`full-text index: ${(e as Error).message}`);
      }
      return { ok: problems.length === 0, problems };
    });
  }

  /**
   * An index built by another analyzer version would make queries miss (the terms differ): rebuild
   * it once, on open, and remember the version.
   */
  private syncAnalyzerVersion(): boolean {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'analyzer_version'").get() as
      | { value: string }
      | undefined;
    if (row?.value === this.analyzer.version) return false;
    this.reindexNow(); // no-op on an empty database
    this.rebuildEntityIndexNow(); // the name keys come from the analyzer too
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('analyzer_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(this.analyzer.version);
    return true;
  }

  /** Rebuild search_text and the FTS index with the current analyzer (after the analyzer changed). */
  async reindex(): Promise<number> {
    return this.guard(() => {
      const n = this.reindexNow();
      this.rebuildEntityIndexNow();
      return n;
    });
  }

  private reindexNow(): number {
    {
      const update = this.db.prepare('UPDATE documents SET search_text = ? WHERE seq = ?');
      const select = this.db.prepare('SELECT seq, text FROM documents WHERE seq > ? ORDER BY seq LIMIT 500');
      let after = 0;
      let n = 0;
      for (;;) {
        const rows = select.all(after) as { seq: number; text: string }[];
        if (rows.length === 0) return n;
        this.db
          .transaction(() => {
            for (const r of rows) update.run(this.searchText(r.text), r.seq);
          })
          .immediate();
        n += rows.length;
        after = rows[rows.length - 1]!.seq;
      }
    }
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (!this.readonly) {
      try {
        this.db.pragma('optimize');
      } catch {
        // best effort: closing must not fail because statistics could not be refreshed
      }
    }
    this.db.close();
  }
}

export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  return new SqliteStore(options);
}
