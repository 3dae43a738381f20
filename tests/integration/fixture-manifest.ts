// The fixture manifest (tests/fixtures/manifest.json): documents pinned by checksum with the truth file they are
// measured against. Shared by the accuracy tests of text documents and of scans.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { parseFile } from '../../src/main/services/parse-file';
import type { ReportModel } from '../../src/shared/model/report';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface ManifestEntry {
  file: string;
  sha256: string;
  truth: string;
  kind: string;
  /** Scans: share of truth cells read right that this fixture must reach (measured; the aim is 0.98). */
  minAccuracy?: number;
}

export interface Truth {
  organ: string | null;
  year: number | null;
  template: string;
  publishedAt: string | null;
  cells: Record<string, number | null>;
  undeterminable: string[];
}

export function manifestEntries(keep: (e: ManifestEntry) => boolean): ManifestEntry[] {
  return (JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as ManifestEntry[]).filter(keep);
}

/**
 * Parses one pinned fixture and reads its truth. Fails when the file is not the one pinned (`rerun` says how to pin it
 * again) or when it gives no model.
 */
export async function parseFixture(entry: ManifestEntry, rerun: string): Promise<{ model: ReportModel; truth: Truth }> {
  const path = join(FIXTURES, entry.file);
  expect(createHash('sha256').update(readFileSync(path)).digest('hex'), `fixture changed: ${rerun}`).toBe(entry.sha256);
  const truth = JSON.parse(readFileSync(join(FIXTURES, 'corpus', 'truth', `${entry.truth}.json`), 'utf8')) as Truth;
  const { model, problems } = await parseFile(path);
  expect(model, problems.map((p) => p.message).join('; ')).toBeDefined();
  return { model: model!, truth };
}
