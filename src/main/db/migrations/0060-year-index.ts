// Schema version 60: an index that answers "has this year's set of reports changed?" from the index alone. Grading
// asks it for every report (its peers and last year's report are cached per year version); without it each question
// read every report row of the year.
import type { Migration } from './types';

export const migration0060: Migration = {
  version: 60,
  name: 'year-index',
  up(db) {
    db.exec('CREATE INDEX reports_year_version ON reports (year, parsed_at, unit_id);');
  },
};
