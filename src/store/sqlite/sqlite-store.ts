import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  AnalysedDocument,
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
  'sentences' | 'tokenCount' | 'entities' | 'events' | 'claims' | 'relations' | 'warnings'
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
          `UPDATE documents SET title = @title, published = @published, language = @language,
             body_start = @bodyStart, analysis = @analysis, search_text = @searchText
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

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly path: string;
  readonly readonly: boolean;
  private readonly db: Database.Database;
  private readonly analyzer: SearchAnalyzer;
  private readonly stmts: Statements;

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
    try {
      this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
      this.db.pragma('foreign_keys = ON');
      if (this.readonly) {
        assertMigrated(this.db);
      } else {
        // WAL: readers never block the writer, and a killed writer leaves the last commit intact.
        this.db.pragma('journal_mode = WAL');
        this.db.pragma('synchronous = NORMAL');
        migrate(this.db);
      }
      this.stmts = prepareStatements(this.db, this.readonly);
      if (!this.readonly) this.syncAnalyzerVersion();
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
    const rows = docs.map((d) => {
      const doc = this.validate(d);
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
          for (const row of rows) {
            row.ingestedAt = ingestedAt;
            // seen before the transaction: still there (documents are never deleted), skip it
            if (row.searchText === null && this.stmts.has.get(row.id) !== undefined) {
              skipped.push(row.id);
              continue;
            }
            row.searchText ??= this.searchText(row.text);
            if (insert.run(row).changes === 1) inserted++;
            else skipped.push(row.id);
          }
          return { inserted, skipped };
        })
        .immediate();
    });
  }

  async updateDocument(d: AnalysedDocument): Promise<boolean> {
    const doc = this.validate(d);
    const searchText = this.searchText(doc.text);
    return this.guard(() => {
      const update = this.writable(this.stmts.update);
      const info = update.run({
        id: doc.id,
        title: doc.title,
        published: doc.published,
        language: doc.language,
        bodyStart: doc.bodyStart,
        analysis: JSON.stringify(analysisOf(doc)),
        searchText,
      });
      return info.changes === 1;
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
  private syncAnalyzerVersion(): void {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'analyzer_version'").get() as
      | { value: string }
      | undefined;
    if (row?.value === this.analyzer.version) return;
    this.reindexNow(); // no-op on an empty database
    this.db
      .prepare(
        "INSERT INTO meta (key, value) VALUES ('analyzer_version', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(this.analyzer.version);
  }

  /** Rebuild search_text and the FTS index with the current analyzer (after the analyzer changed). */
  async reindex(): Promise<number> {
    return this.guard(() => this.reindexNow());
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
