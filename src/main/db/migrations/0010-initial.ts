// Schema version 10: units, reports, texts, originals, sections, cells, append-only corrections, problems, checks.
import type { Migration } from './types';

const SQL = `
CREATE TABLE units (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
) STRICT;

CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER REFERENCES units(id) ON DELETE SET NULL,
  year INTEGER,
  -- 1 once the inspector set unit/year by hand: a re-parse must not overwrite them.
  meta_locked INTEGER NOT NULL DEFAULT 0 CHECK (meta_locked IN (0, 1)),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('pdf', 'docx', 'doc', 'wps', 'html', 'txt')),
  sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  size INTEGER NOT NULL CHECK (size >= 0),
  imported_at TEXT NOT NULL,
  parsed_at TEXT NOT NULL,
  template TEXT NOT NULL CHECK (template IN ('v2021', 'v2019', 'hybrid', 'unknown')),
  title TEXT,
  published_at TEXT,
  status TEXT NOT NULL CHECK (status IN ('imported', 'needs-attention', 'graded')),
  uncertain_cells INTEGER NOT NULL DEFAULT 0,
  problem_count INTEGER NOT NULL DEFAULT 0,
  -- The rest of the report model; its cells, sections and checks live in their own tables (no second copy),
  -- which keeps this row small for list queries.
  model_json TEXT NOT NULL
) STRICT;

-- The document's text for search, apart from reports so that list queries never page through it
-- and a short-query scan reads only text.
CREATE TABLE report_texts (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  text TEXT NOT NULL
) STRICT;

-- The original file, kept once (reports.sha256 is unique).
CREATE TABLE originals (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  bytes BLOB NOT NULL
) STRICT;

CREATE TABLE sections (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  no INTEGER NOT NULL,
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (report_id, no)
) STRICT;

-- The parsed value of each cell; replaced by a re-parse, never edited by the inspector.
CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  cell_id TEXT NOT NULL,
  value REAL,
  state TEXT NOT NULL CHECK (state IN ('number', 'blank', 'dash', 'missing', 'ambiguous')),
  raw TEXT,
  source_json TEXT,
  note TEXT,
  unit TEXT,
  PRIMARY KEY (report_id, cell_id)
) STRICT, WITHOUT ROWID;

-- Inspector corrections: append-only history, the latest row per cell is the current one.
-- No foreign key to cells on purpose: a re-parse replaces cells and must leave corrections alone.
CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  cell_id TEXT NOT NULL,
  value REAL,
  state TEXT NOT NULL CHECK (state IN ('number', 'blank', 'dash', 'missing', 'ambiguous')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  by TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX corrections_by_cell ON corrections (report_id, cell_id, id);

CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
-- Deleting is allowed only as the cascade of deleting the whole report.
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
WHEN EXISTS (SELECT 1 FROM reports WHERE id = OLD.report_id)
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;

CREATE TABLE problems (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  message TEXT NOT NULL
) STRICT;
CREATE INDEX problems_by_report ON problems (report_id);

CREATE TABLE checks (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  check_id TEXT NOT NULL,
  -- The order the checks were produced in (the report model's order).
  ord INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'warn', 'uncertain', 'na')),
  message TEXT NOT NULL,
  cells_json TEXT NOT NULL,
  PRIMARY KEY (report_id, check_id)
) STRICT;
`;

export const migration0010: Migration = {
  version: 10,
  name: 'initial',
  up(db) {
    db.exec(SQL);
  },
};
