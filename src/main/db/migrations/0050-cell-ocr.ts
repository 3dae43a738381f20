// Schema version 50: what OCR said about a cell (confidence, repaired, text as read), kept with the parsed cell.
import type { Migration } from './types';

export const migration0050: Migration = {
  version: 50,
  name: 'cell-ocr',
  up(db) {
    db.exec('ALTER TABLE cells ADD COLUMN ocr_json TEXT;');
  },
};
