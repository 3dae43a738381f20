// Review packages between two libraries: A's reports, corrections and decisions reach B without duplicating what B has;
// B's own different decision stays in force while A's is kept and shown as a conflict; a second import changes no
// table; a damaged or foreign package is refused naming the file, with nothing imported; the commands exit 0.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, Events, ImportSummary, JobProgress, PackageImportSummary } from '../../src/shared/ipc/contract';
import { findReportBySha, historyCounts, listDecisionConflicts, listDecisions, reportsOfYear } from '../../src/main/db/index';
import { openLibrary, type Library } from '../../src/main/services/library';
import { cli } from './cli-helper';

const root = join(import.meta.dirname, '..', '..');
const SEEDS = join(root, 'tests', 'fixtures', 'corpus', 'seeds');
const REAL = join(root, 'tests', 'fixtures', 'corpus', 'real');

let dir: string;
let a: Library;
let b: Library;
let pkg: string;
const progress: JobProgress[] = [];
/** The report both libraries hold, by checksum, and the item both decided on. */
let sha: string;
let aId: number;
let bId: number;
let aPoints: number;
let bPoints: number;

async function importFiles(lib: Library, paths: string[]): Promise<void> {
  const r = await lib.wrapped['import:start']({ paths });
  if (!r.ok) throw new Error(r.error.message);
  const s = (await lib.queue.result(r.value.jobId)) as ImportSummary;
  if (s.failed.length > 0) throw new Error(JSON.stringify(s.failed));
}

function open(name: string, user: string): Library {
  return openLibrary({
    dbPath: join(dir, `${name}.sqlite`),
    userName: user,
    emit: <E extends EventName>(e: E, p: Events[E]) => void (e === 'job:progress' && progress.push(p as JobProgress)),
  });
}

async function importPkg(lib: Library, path: string): Promise<PackageImportSummary> {
  const r = await lib.wrapped['package:import']({ path });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ri-pkg-test-'));
  const both = join(dir, 'both');
  mkdirSync(both);
  for (const f of ['seed-000.txt', 'seed-002.txt']) copyFileSync(join(SEEDS, f), join(both, f));
  a = open('a', '甲评审');
  b = open('b', '乙复核');
  await importFiles(a, [SEEDS, join(REAL, '2024_fujian_pingtan_zhq.html'), join(REAL, '2025_fujian_pingtan_zhq.html')]);
  await importFiles(b, [both]);

  // A: a correction, decisions on every item of one report (A1 lowered, with a reason), comments and a stated date.
  aId = reportsOfYear(a.db, 2025).find((r) => r.fileName === 'seed-000.txt')!.id;
  sha = a.db.prepare('SELECT sha256 FROM reports WHERE id = ?').pluck().get(aId) as string;
  const view = a.grading.view(aId);
  const a1 = view.assessment.items.find((i) => i.id === 'A1')!;
  aPoints = a1.suggested >= 2 ? a1.suggested - 2 : a1.suggested + 1;
  bPoints = a1.suggested;
  for (const it of view.assessment.items)
    a.grading.decide(aId, it.id, it.id === 'A1' ? aPoints : it.suggested, it.id === 'A1' ? '甲：逾期' : undefined);
  a.grading.comment(aId, null, '总体较好，表三需核对。');
  a.grading.setPublished(aId, '2026-01-20');
  const cellId = Object.keys(a.grading.effectiveModel(aId).cells)[0]!;
  const corrected = await a.wrapped['cell:correct']({ reportId: aId, cellId, value: 7, state: 'number', reason: '原件第 3 页核对' });
  if (!corrected.ok) throw new Error(corrected.error.message);
  // Link last year's report by hand on the 2025 Pingtan report (the link must travel by checksum).
  const pt25 = reportsOfYear(a.db, 2025).find((r) => r.fileName.startsWith('2025_fujian'))!.id;
  const pt24 = reportsOfYear(a.db, 2024).find((r) => r.fileName.startsWith('2024_fujian'))!.id;
  a.grading.linkPrevious(pt25, pt24);

  // B: its own, different decision on the same report's A1 (the suggestion, confirmed).
  bId = findReportBySha(b.db, sha)!;
  b.grading.decide(bId, 'A1', bPoints, undefined);

  pkg = join(dir, '交接 2025.ripkg');
  const r = await a.wrapped['package:export']({
    reportIds: reportsOfYear(a.db, 2025)
      .map((x) => x.id)
      .concat(pt24),
    path: pkg,
  });
  if (!r.ok) throw new Error(r.error.message);
  expect(r.value.reports).toBe(5);
}, 240_000);

afterAll(async () => {
  await a.close();
  await b.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('package export and import', () => {
  let first: PackageImportSummary;
  let countsAfterFirst: Record<string, number>;

  it('adds the new reports whole, merges the shared ones, and reports the conflict', async () => {
    const before = historyCounts(b.db);
    first = await importPkg(b, pkg);
    expect(first.added).toBe(3);
    expect(first.merged).toBe(2);
    expect(first.appended).toBeGreaterThan(10);
    expect(first.conflicts).toEqual([
      { reportId: bId, organ: expect.any(String), itemId: 'A1', here: bPoints, there: aPoints, thereBy: '甲评审' },
    ]);
    countsAfterFirst = historyCounts(b.db);
    expect(countsAfterFirst['reports']).toBe(before['reports']! + 3);
    expect(countsAfterFirst['originals']).toBe(countsAfterFirst['reports']);
    // Nothing duplicated: one row per checksum.
    expect(b.db.prepare('SELECT count(DISTINCT sha256) FROM reports').pluck().get()).toBe(countsAfterFirst['reports']);
  });

  it('keeps B’s decision in force and A’s in the history; the conflict can be queried later', () => {
    const item = b.grading.view(bId).assessment.items.find((i) => i.id === 'A1')!;
    expect(item.points).toBe(bPoints);
    expect(item.decision?.by).toBe('乙复核');
    const history = listDecisions(b.db, bId).filter((d) => d.itemId === 'A1');
    expect(history.some((d) => d.by === '甲评审' && d.points === aPoints && d.note === '甲：逾期')).toBe(true);
    expect(history.at(-1)).toMatchObject({ by: '乙复核', points: bPoints });
    // Items only A decided are A's now (B had nothing there).
    const other = b.grading.view(bId).assessment.items.find((i) => i.id !== 'A1')!;
    expect(other.decision?.by).toBe('甲评审');
    expect(listDecisionConflicts(b.db)).toEqual([
      expect.objectContaining({ reportId: bId, itemId: 'A1', here: bPoints, there: aPoints, thereBy: '甲评审' }),
    ]);
  });

  it('brings the new reports with their parse, corrections, comments and facts', async () => {
    const newId = findReportBySha(b.db, sha)!;
    expect(newId).toBe(bId);
    const aModel = a.grading.effectiveModel(aId);
    const bModel = b.grading.effectiveModel(bId);
    expect(bModel.cells).toEqual(aModel.cells);
    expect(b.grading.view(bId).publishedAt).toEqual({ date: '2026-01-20', source: 'inspector' });
    expect(b.grading.view(bId).assessment.comment).toBe('总体较好，表三需核对。');
    // A report B did not have: identical grading on both sides, and the hand-made link to last year resolved by checksum.
    const pt25 = reportsOfYear(b.db, 2025).find((r) => r.fileName.startsWith('2025_fujian'))!.id;
    const pt24 = reportsOfYear(b.db, 2024).find((r) => r.fileName.startsWith('2024_fujian'))!.id;
    expect(b.grading.previous(pt25)).toMatchObject({ how: 'manual', report: { id: pt24 } });
    const aPt25 = reportsOfYear(a.db, 2025).find((r) => r.fileName.startsWith('2025_fujian'))!.id;
    expect(b.grading.grade(pt25).assessment.total).toBe(a.grading.grade(aPt25).assessment.total);
    const src = await b.wrapped['report:source']({ id: pt25 });
    expect(src.ok).toBe(true);
    const found = await b.wrapped['library:list']({ text: '平潭综合实验区' });
    expect(found.ok && found.value.total).toBeGreaterThanOrEqual(2);
  });

  it('importing the same package twice changes no table', async () => {
    const again = await importPkg(b, pkg);
    expect(again).toMatchObject({ added: 0, merged: 5, appended: 0 });
    expect(again.conflicts).toHaveLength(1);
    expect(historyCounts(b.db)).toEqual(countsAfterFirst);
  });

  it('the way back (B → A) keeps A’s decision in force and shows B’s; twice changes nothing', async () => {
    // B reviews one of A's decisions (it saw A's): a successor, applied at A without a conflict.
    const reviewed = b.grading.view(bId).assessment.items.find((i) => i.id !== 'A1' && i.max >= 1)!;
    const changed = reviewed.points >= 1 ? reviewed.points - 1 : reviewed.points + 1;
    b.grading.decide(bId, reviewed.id, changed, '复核：扣 1 分');
    const back = join(dir, 'back.ripkg');
    const r = await b.wrapped['package:export']({ year: 2025, path: back });
    expect(r.ok).toBe(true);
    const s = await importPkg(a, back);
    expect(s.added).toBe(0);
    expect(s.conflicts).toEqual([
      { reportId: aId, organ: expect.any(String), itemId: 'A1', here: aPoints, there: bPoints, thereBy: '乙复核' },
    ]);
    expect(a.grading.view(aId).assessment.items.find((i) => i.id === 'A1')!.points).toBe(aPoints);
    expect(a.grading.view(aId).assessment.items.find((i) => i.id === reviewed.id)).toMatchObject({
      points: changed,
      decision: { by: '乙复核' },
    });
    const counts = historyCounts(a.db);
    await importPkg(a, back);
    expect(historyCounts(a.db)).toEqual(counts);
    // Resolving: A decides again (here: adopts B's points); the conflict is gone from the query.
    a.grading.decide(aId, 'A1', bPoints, '采纳复核意见');
    expect(listDecisionConflicts(a.db, [aId])).toEqual([]);
  });

  it('reports progress per report', () => {
    const imports = progress.filter((p) => p.kind === 'package-import' && !p.done);
    expect(imports.slice(0, 5).map((p) => p.current)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.filter((p) => p.kind === 'package-export' && p.done && !p.error).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a damaged or foreign package, naming the file, and imports nothing', async () => {
    const counts = historyCounts(b.db);
    const bytes = readFileSync(pkg);
    const cases: [string, Buffer | string, RegExp][] = [
      ['截断.ripkg', bytes.subarray(0, Math.floor(bytes.length / 2)), /“截断\.ripkg”已损坏/],
      ['文本.ripkg', '这不是交接包', /“文本\.ripkg”不是评审交接包/],
      ['空.ripkg', '', /“空\.ripkg”不是评审交接包/],
    ];
    // A library file is SQLite too, but not a package.
    copyFileSync(join(dir, 'a.sqlite'), join(dir, '资料库.ripkg'));
    for (const [name, content, message] of cases) {
      writeFileSync(join(dir, name), content);
      const r = await b.wrapped['package:import']({ path: join(dir, name) });
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(message);
    }
    const lib = await b.wrapped['package:import']({ path: join(dir, '资料库.ripkg') });
    expect(!lib.ok && lib.error).toMatchObject({ kind: 'unsupported-format', message: expect.stringMatching(/资料库\.ripkg/) });
    // An original whose bytes no longer match its checksum: refused before anything is imported.
    const tampered = join(dir, '篡改.ripkg');
    copyFileSync(pkg, tampered);
    const t = new Database(tampered);
    const original = t.prepare('SELECT original FROM reports WHERE ord = 0').pluck().get() as Buffer;
    original[0] = original[0]! ^ 0xff;
    t.prepare('UPDATE reports SET original = ? WHERE ord = 0').run(original);
    t.close();
    const c = await b.wrapped['package:import']({ path: tampered });
    expect(!c.ok && c.error).toMatchObject({ kind: 'corrupt-file', message: expect.stringMatching(/篡改\.ripkg.*校验和不符/) });
    expect(historyCounts(b.db)).toEqual(counts);
  });

  it('package export / import commands exit 0 and print the summary with the conflicts', async () => {
    const out = join(dir, 'cli.ripkg');
    const ex = await cli(['package', 'export', '--db', join(dir, 'a.sqlite'), '--year', '2025', '--out', out]);
    expect(ex.code, ex.stderr).toBe(0);
    expect(ex.stdout).toContain('reports=4');
    const im = await cli(['package', 'import', out, '--db', join(dir, 'c.sqlite')]);
    expect(im.code, im.stderr).toBe(0);
    expect(im.stdout).toMatch(/added=4 merged=0 appended=\d+ conflicts=0/);
    const again = await cli(['package', 'import', out, '--db', join(dir, 'c.sqlite')]);
    expect(again.stdout).toMatch(/added=0 merged=4 appended=0 conflicts=0/);
    const withConflict = await cli(['package', 'import', pkg, '--db', join(dir, 'b.sqlite')]);
    expect(withConflict.code).toBe(0);
    expect(withConflict.stdout).toMatch(/评分冲突 1 处/);
    expect(withConflict.stdout).toMatch(/A1：本库 \d+(\.5)? 分，甲评审 \d+(\.5)? 分/);
    const bad = await cli(['package', 'import', join(dir, '文本.ripkg'), '--db', join(dir, 'c.sqlite')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/文本\.ripkg/);
  });
});
