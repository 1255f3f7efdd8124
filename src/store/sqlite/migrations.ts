import type Database from 'better-sqlite3';
import { MarsadError } from '../../model/index.js';

// Ordered, append-only: never edit a migration that has shipped; add the next one.
// Each runs in its own IMMEDIATE transaction, so two processes opening a new database at once
// cannot both apply it, and a crash mid-migration leaves the database as it was.

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/**
 * FTS5 tokenizer for `search_text`. Our analyzer already normalised, stripped clitics and stemmed;
 * the index must keep its terms whole. Plain `unicode61` splits مُتمرّد at the harakat (category
 * Mn), so marks count as token characters here; diacritics are not removed (the analyzer decided).
 */
export const FTS_TOKENIZE = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'";

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'documents, failures, full-text index',
    sql: `
      CREATE TABLE documents (
        seq         INTEGER PRIMARY KEY AUTOINCREMENT, -- ingest order; the FTS rowid
        id          TEXT NOT NULL UNIQUE CHECK (id GLOB 'sha256:*'),
        source      TEXT NOT NULL,
        kind        TEXT NOT NULL,
        url         TEXT,
        title       TEXT,
        published   TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        language    TEXT NOT NULL,
        encoding    TEXT,
        text        TEXT NOT NULL,
        body_start  INTEGER NOT NULL,
        chars       INTEGER NOT NULL,
        ingested_at TEXT NOT NULL,
        -- sentences, tokenCount, entities, events, claims, relations, warnings
        analysis    TEXT NOT NULL CHECK (json_valid(analysis)),
        -- the analyzer's terms joined by spaces: what the FTS index holds
        search_text TEXT NOT NULL
      );
      CREATE INDEX documents_source ON documents (source);
      CREATE INDEX documents_published ON documents (published);

      CREATE VIRTUAL TABLE documents_fts USING fts5 (
        search_text,
        content = 'documents',
        content_rowid = 'seq',
        tokenize = "${FTS_TOKENIZE}"
      );
      CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, search_text) VALUES (new.seq, new.search_text);
      END;
      CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
      END;
      CREATE TRIGGER documents_fts_update AFTER UPDATE OF search_text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
        INSERT INTO documents_fts (rowid, search_text) VALUES (new.seq, new.search_text);
      END;

      -- one row per source: a new failure of the same source replaces the old one
      CREATE TABLE failures (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        source  TEXT NOT NULL UNIQUE,
        code    TEXT NOT NULL,
        message TEXT NOT NULL,
        at      TEXT NOT NULL
      );
    `,
  },
  {
    id: 2,
    name: 'meta: settings the database remembers (the search analyzer version)',
    sql: 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);',
  },
  {
    id: 3,
    name: 'entity index (document_entities, entity_names) and the entity edit log',
    // The index is derived from documents.analysis and rebuilt in code right after this migration
    // (the name keys need the search analyzer); the edit log is primary data.
    sql: `
      -- one row per (entity, document): what listEntities and the dossier aggregate
      CREATE TABLE document_entities (
        entity_id    TEXT NOT NULL,
        doc_seq      INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
        type         TEXT NOT NULL,
        kind         TEXT,
        name         TEXT,
        name_ar      TEXT,
        wikidata     TEXT,
        mentions     INTEGER NOT NULL,
        first_offset INTEGER,
        published    TEXT, -- the document's, copied so that first/last seen need no join
        PRIMARY KEY (entity_id, doc_seq)
      ) WITHOUT ROWID;
      CREATE INDEX document_entities_doc ON document_entities (doc_seq);
      CREATE INDEX document_entities_type ON document_entities (type, kind);

      -- every name, alias and mention text of an entity in a document, with its analyzer key
      CREATE TABLE entity_names (
        key       TEXT NOT NULL,
        form      TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        doc_seq   INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
        PRIMARY KEY (key, form, entity_id, doc_seq)
      ) WITHOUT ROWID;
      CREATE INDEX entity_names_entity ON entity_names (entity_id, doc_seq);
      CREATE INDEX entity_names_doc ON entity_names (doc_seq);
      CREATE INDEX entity_names_form ON entity_names (form);

      CREATE TABLE entity_edits (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        at        TEXT NOT NULL,
        op        TEXT NOT NULL,
        edit      TEXT NOT NULL CHECK (json_valid(edit)),
        documents INTEGER NOT NULL,
        undone_at TEXT
      );
      -- what each document's entities were before an edit rewrote them: for undo
      CREATE TABLE entity_edit_snapshots (
        edit_seq INTEGER NOT NULL REFERENCES entity_edits (seq) ON DELETE CASCADE,
        doc_seq  INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
        before   TEXT NOT NULL CHECK (json_valid(before)),
        PRIMARY KEY (edit_seq, doc_seq)
      );
    `,
  },
];

const LATEST = MIGRATIONS.reduce((max, m) => Math.max(max, m.id), 0);

function appliedIds(db: Database.Database): Set<number> {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
  if (!exists) return new Set();
  return new Set((db.prepare('SELECT id FROM migrations').all() as { id: number }[]).map((r) => r.id));
}

function checkNotNewer(applied: Set<number>): void {
  const newest = Math.max(0, ...applied);
  if (newest > LATEST) {
    throw new MarsadError(
      'E_STORE',
      `the database has schema version ${newest} but this Marsad knows only up to ${LATEST}: upgrade Marsad`,
    );
  }
}

/** Bring the schema up to date. Returns the ids applied now. */
export function migrate(db: Database.Database): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  checkNotNewer(appliedIds(db));
  const done: number[] = [];
  const isApplied = db.prepare('SELECT 1 FROM migrations WHERE id = ?');
  const record = db.prepare('INSERT INTO migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...MIGRATIONS].sort((a, b) => a.id - b.id)) {
    db.transaction(() => {
      if (isApplied.get(m.id)) return; // another process got there first
      db.exec(m.sql);
      record.run(m.id, m.name, new Date().toISOString());
      done.push(m.id);
    }).immediate();
  }
  db.pragma(`user_version = ${LATEST}`);
  return done;
}

/** For a read-only open: the schema must already be current. */
export function assertMigrated(db: Database.Database): void {
  const applied = appliedIds(db);
  checkNotNewer(applied);
  const missing = MIGRATIONS.filter((m) => !applied.has(m.id));
  if (missing.length > 0) {
    throw new MarsadError(
      'E_STORE',
      'the database schema is out of date; open it once read-write (any ingest) to migrate it',
    );
  }
}
