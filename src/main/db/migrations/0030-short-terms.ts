// Schema version 30: the short-term index that answers 1–2 character searches without scanning the texts (see grams.ts).
import type { Migration } from './types';
import { backfillGrams } from '../grams';

// rowid = reports.id. Contentless (the text is in report_texts already) and detail=none (a short term is one token, so no
// positions are needed); contentless_delete lets a re-parse or a delete remove a row without re-supplying its old tokens.
const SQL = `
CREATE VIRTUAL TABLE reports_grams USING fts5(grams, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii');
`;

export const migration0030: Migration = {
  version: 30,
  name: 'short-terms',
  up(db) {
    db.exec(SQL);
    // Reports imported under version 20 get their rows now, inside the migration's transaction.
    backfillGrams(db);
  },
};
