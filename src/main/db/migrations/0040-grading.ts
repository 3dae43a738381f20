// Schema version 40: grading. The inspector's decisions, comments and stated facts (last year's report, publish date)
// as append-only history; county checklists and settings; a cache of derived totals keyed by its inputs. The stored
// checks go: they are derived from the cells and corrections and are now computed when asked for, never kept stale.
import type { Migration } from './types';

const SQL = `
DROP TABLE checks;

-- Points the inspector gave an item: append-only, the latest row per (report, item) is the current decision.
CREATE TABLE decisions (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  item_id TEXT NOT NULL CHECK (length(item_id) BETWEEN 1 AND 40),
  points REAL NOT NULL CHECK (points >= 0),
  -- The suggestion the inspector saw: when it moves later, the item is flagged for a second look.
  suggested REAL NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  checklist TEXT NOT NULL,
  by TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_by_item ON decisions (report_id, item_id, id);

-- Comments per item, or on the whole report (item_id NULL): append-only, the latest is the current text.
CREATE TABLE comments (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  item_id TEXT,
  text TEXT NOT NULL,
  by TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX comments_by_item ON comments (report_id, item_id, id);

-- What the inspector states about a report: 'previous' = last year's report id, 'none' (unlinked) or NULL (automatic);
-- 'published' = the publish date they know, or NULL (the document's). Append-only, the latest per kind wins.
CREATE TABLE report_facts (
  id INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('previous', 'published')),
  value TEXT,
  by TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE INDEX report_facts_by_kind ON report_facts (report_id, kind, id);

CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
WHEN EXISTS (SELECT 1 FROM reports WHERE id = OLD.report_id) BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER comments_no_update BEFORE UPDATE ON comments BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;
CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
WHEN EXISTS (SELECT 1 FROM reports WHERE id = OLD.report_id) BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;
CREATE TRIGGER report_facts_no_update BEFORE UPDATE ON report_facts BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;
CREATE TRIGGER report_facts_no_delete BEFORE DELETE ON report_facts
WHEN EXISTS (SELECT 1 FROM reports WHERE id = OLD.report_id) BEGIN SELECT RAISE(ABORT, 'facts are append-only'); END;

-- A county's own checklists (the built-in default is not stored: it ships with the app). A version is never rewritten.
CREATE TABLE checklists (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  name TEXT NOT NULL,
  json TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (key, version)
) STRICT;
CREATE TRIGGER checklists_no_update BEFORE UPDATE ON checklists BEGIN SELECT RAISE(ABORT, 'a checklist version is never rewritten'); END;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- The unit's level (township, county department…) when the inspector set it; inferred from the name otherwise.
ALTER TABLE units ADD COLUMN level TEXT CHECK (level IS NULL OR level IN ('township', 'street', 'county_dept', 'county_gov', 'other'));

-- Derived totals for the library list, valid only while 'inputs' equals the key of what they were computed from.
CREATE TABLE grading_cache (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  inputs TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('ungraded', 'in-progress', 'graded')),
  total REAL NOT NULL,
  grade TEXT NOT NULL,
  second_look INTEGER NOT NULL
) STRICT;
`;

export const migration0040: Migration = {
  version: 40,
  name: 'grading',
  up(db) {
    db.exec(SQL);
  },
};
