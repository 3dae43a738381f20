// Regenerates tests/fixtures/manifest.json: every document that has a truth file, pinned by checksum.
// Corpus documents name their truth in truth/*.json; generated ones carry it in their name (<truth>.<variant>.<ext>).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..', 'tests', 'fixtures');
const truthDir = join(root, 'corpus', 'truth');
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

interface Entry {
  file: string;
  sha256: string;
  truth: string;
  kind: 'corpus' | 'generated' | 'scan';
  minAccuracy?: number;
}
/** Scans keep the accuracy floor measured for them (scan-accuracy.test.ts) across a regeneration. */
const previous = new Map(
  (JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as Entry[]).map((e) => [e.file, e.minAccuracy] as const),
);

const entries: Entry[] = [];
for (const t of readdirSync(truthDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const truth = JSON.parse(readFileSync(join(truthDir, t), 'utf8')) as { document: string };
  const file = join(root, 'corpus', truth.document);
  entries.push({ file: relative(root, file), sha256: sha(file), truth: t.replace(/\.json$/, ''), kind: 'corpus' });
}
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
const truths = new Set(entries.map((e) => e.truth));
for (const file of walk(join(root, 'generated')).sort()) {
  const name = file.split('/').pop()!;
  const truth = name.slice(0, name.indexOf('.'));
  if (!truths.has(truth)) continue;
  const rel = relative(root, file);
  // Scans (scripts/make-fixtures/scans.sh) are read by OCR and measured by scan-accuracy.test.ts.
  const kind = rel.startsWith('generated/scan/') ? 'scan' : 'generated';
  const floor = previous.get(rel);
  entries.push({ file: rel, sha256: sha(file), truth, kind, ...(kind === 'scan' && floor !== undefined ? { minAccuracy: floor } : {}) });
}
writeFileSync(join(root, 'manifest.json'), JSON.stringify(entries, null, 2) + '\n');
console.log(`${entries.length} documents in tests/fixtures/manifest.json`);
