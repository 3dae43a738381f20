// Schema version 20: the trigram full-text index over report text, and the indexes the library list filters on.
import type { Migration } from './types';

const SQL = `
-- rowid = reports.id. A plain (not external-content) table so snippet() has the text to cut from.
CREATE VIRTUAL TABLE reports_fts USING fts5(title, organ, body, tokenize = 'trigram');

CREATE INDEX reports_by_year ON reports (year, unit_id);
CREATE INDEX reports_by_unit ON reports (unit_id, year);
CREATE INDEX reports_by_status ON reports (status);
CREATE INDEX reports_by_imported ON reports (imported_at);

-- Reports imported under version 10 get their index rows now.
INSERT INTO reports_fts (rowid, title, organ, body)
SELECT r.id, coalesce(r.title, ''), coalesce(u.name, ''), coalesce(t.text, '')
FROM reports r LEFT JOIN units u ON u.id = r.unit_id LEFT JOIN report_texts t ON t.report_id = r.id;
`;

export const migration0020: Migration = {
  version: 20,
  name: 'fulltext',
  up(db) {
    db.exec(SQL);
  },
};
