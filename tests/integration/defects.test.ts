// Defect-injection benchmark (issue 6): real reports with one injected defect each, in HTML, DOCX and PDF, must make
// the expected checks fire, and the clean copies must raise no defect-family alarm. Fixtures: scripts/make-fixtures/defects.ts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFile } from '../../src/main/services/parse-file';
import type { CheckResult } from '../../src/shared/checks/types';
import { DEFAULT_CHECKLIST } from '../../src/shared/grading/default-checklist';
import { grade } from '../../src/shared/grading/index';
import type { ReportModel } from '../../src/shared/model/report';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const DIR = join(FIXTURES, 'defects');
const REAL = join(FIXTURES, 'corpus', 'real');

interface Entry {
  file: string;
  base: string;
  previous: string;
  format: string;
  defect: string;
  /** A variant of one of the nine phenomena in other words or forms. */
  variant: boolean;
  /** The clean copy it differs from by its defect only. */
  clean: string;
  what: string;
  /** Requirements: each must be met by one of its "|"-separated check ids firing. */
  expect: string[];
  sha256: string;
}

/** The checks the injected defects aim at: none may fire on a clean real report. */
const FAMILY = [
  'XCK-01', 'XCK-02', 'XCK-03', 'ARI-01', 'ARI-02', 'ARI-03', 'ARI-04', 'MET-01', 'STR-02', 'PRV-01', 'PRV-02',
  'QLT-01', 'QLT-02', 'TPL-01', 'TPL-02', 'QLT-06', 'MET-04',
]; // prettier-ignore

const isClean = (e: Entry) => e.defect === e.clean;

/**
 * Misses that are the parser's, not the checks' (stated so they are not mistaken for found or for fixed): each must
 * leave its checks 'uncertain' (never a false 'pass'), and a gap that closes fails here so it is taken off the list.
 */
function knownGap(e: Entry): string | null {
  // src/shared/parse/values.ts fitRow: in free text a reading that breaks its own total is trusted only when the row
  // is printed on its label's line with one number per cell. 表四's fifteen values in layout text span lines under
  // the headers, so a printed broken 表四 sum there is 'uncertain', never 'fail'.
  if (e.format === 'txt' && e.defect === 'broken-sum-t4')
    return 'parser: a free-text 表四 whose values span lines and break their own sum is read as ambiguous';
  return null;
}
const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Entry[];
const fires = (c: CheckResult | undefined) => c?.status === 'fail' || c?.status === 'warn';
const firing = (checks: CheckResult[]) => checks.filter((c) => FAMILY.includes(c.id) && fires(c)).map((c) => c.id);
const describeCheck = (c: CheckResult) => `${c.id} ${c.status}: ${c.message.slice(0, 160)}`;

const previous = new Map<string, ReportModel>();
const graded = new Map<string, CheckResult[]>();
/** format → defect → [found, total]; false alarms per format. */
const found = new Map<string, Map<string, [number, number]>>();
const falseAlarms: string[] = [];
const gaps: string[] = [];
const unrelated: string[] = [];

async function gradeEntry(e: Entry): Promise<CheckResult[]> {
  const hit = graded.get(e.file);
  if (hit) return hit;
  const path = join(DIR, e.file);
  expect(createHash('sha256').update(readFileSync(path)).digest('hex'), 'fixture changed: rerun scripts/make-fixtures/defects.ts').toBe(
    e.sha256,
  );
  const { model, problems } = await parseFile(path);
  expect(model, problems.map((p) => p.message).join('; ')).toBeDefined();
  const checks = grade({ report: model!, previous: previous.get(e.previous) ?? null }, DEFAULT_CHECKLIST).checks;
  graded.set(e.file, checks);
  return checks;
}

beforeAll(async () => {
  for (const name of new Set(manifest.map((e) => e.previous))) {
    const { model } = await parseFile(join(REAL, name));
    if (!model) throw new Error(`${name}: previous-year report does not parse`);
    previous.set(name, model);
  }
});

afterAll(() => {
  const defects = [...new Set(manifest.filter((e) => !isClean(e)).map((e) => e.defect))];
  const formats = [...new Set(manifest.map((e) => e.format))];
  const lines = ['defect-injection benchmark (found / injected)', ['defect'.padEnd(20), ...formats.map((f) => f.padStart(7))].join('')];
  let hit = 0;
  let all = 0;
  for (const d of defects) {
    const row = formats.map((f) => {
      const [h, n] = found.get(f)?.get(d) ?? [0, 0];
      hit += h;
      all += n;
      return (n ? `${h}/${n}` : '-').padStart(7);
    });
    lines.push([d.padEnd(20), ...row].join(''));
  }
  const cleanCopies = manifest.filter(isClean).length;
  lines.push(
    `found ${hit} of ${all} (${all ? Math.round((hit / all) * 1000) / 10 : 0}%), false alarms on ${cleanCopies} clean copies: ${falseAlarms.length}`,
  );
  for (const f of falseAlarms) lines.push(`  false alarm: ${f}`);
  for (const g of gaps) lines.push(`  known gap: ${g}`);
  for (const u of unrelated) lines.push(`  unrelated: ${u}`);
  console.log(lines.join('\n'));
});

describe('defect-injection benchmark', () => {
  for (const e of manifest.filter((x) => isClean(x))) {
    it(`clean ${e.file}: no defect-family check fires`, async () => {
      const checks = await gradeEntry(e);
      const fired = checks.filter((c) => FAMILY.includes(c.id) && fires(c));
      for (const c of fired) falseAlarms.push(`${e.file} ${describeCheck(c)}`);
      expect(fired.map(describeCheck)).toEqual([]);
    }, 180_000);
  }

  for (const e of manifest.filter((x) => !isClean(x))) {
    it(`${e.file}: ${e.what} → ${e.expect.join(', ')}`, async () => {
      const checks = await gradeEntry(e);
      const byId = new Map(checks.map((c) => [c.id, c]));
      const missed = e.expect.filter((req) => !req.split('|').some((id) => fires(byId.get(id))));
      const tally = found.get(e.format) ?? new Map<string, [number, number]>();
      const [h, n] = tally.get(e.defect) ?? [0, 0];
      tally.set(e.defect, [h + (missed.length === 0 ? 1 : 0), n + 1]);
      found.set(e.format, tally);
      const gap = knownGap(e);
      if (gap) {
        gaps.push(`${e.file} (${gap})`);
        expect(missed.length, `known gap closed: take ${e.file} off knownGap()`).toBeGreaterThan(0);
        const reassuring = e.expect.flatMap((req) => req.split('|')).filter((id) => byId.get(id)?.status === 'pass');
        expect(reassuring, 'a known gap must leave its checks uncertain, never pass').toEqual([]);
        return;
      }
      expect(
        missed.map(
          (req) =>
            `${req}: ${req
              .split('|')
              .map((id) => describeCheck(byId.get(id)!))
              .join(' / ')}`,
        ),
        'expected checks that did not fire',
      ).toEqual([]);

      // Nothing else of the family newly fires against the clean copy of the same base and format.
      const clean = manifest.find((x) => x.base === e.base && x.format === e.format && x.defect === e.clean);
      expect(clean, 'clean copy in the manifest').toBeDefined();
      const before = new Set(firing(await gradeEntry(clean!)));
      const related = new Set(e.expect.flatMap((req) => req.split('|')));
      const extra = firing(checks).filter((id) => !before.has(id) && !related.has(id));
      for (const id of extra) unrelated.push(`${e.file} ${describeCheck(byId.get(id)!)}`);
      expect(
        extra.map((id) => describeCheck(byId.get(id)!)),
        'unrelated defect-family checks newly fired',
      ).toEqual([]);
    }, 180_000);
  }
});
