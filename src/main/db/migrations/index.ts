// The ordered list of schema migrations; the last one's version is the schema this code knows.
import type { Migration } from './types';
import { migration0010 } from './0010-initial';
import { migration0020 } from './0020-fulltext';
import { migration0030 } from './0030-short-terms';
import { migration0040 } from './0040-grading';
import { migration0050 } from './0050-cell-ocr';
import { migration0060 } from './0060-year-index';

export const MIGRATIONS: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060];

export const LATEST_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
