// Library benchmark: import 100 mixed reports into a fresh library (median seconds, max gap between progress events),
// then list, filter and full-text search a synthetic 10,000-report library (median ms). Targets: < 30 s; < 100 ms.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReportModel } from '../src/shared/model/report';
import { openDb, insertReport, listLibrary, getReportModel, getReportText, type Db } from '../src/main/db/index';
import { ImportQueue } from '../src/main/import/queue';
import { DOCUMENT_EXTENSIONS } from '../src/main/import/scan';

const ROOT = join(import.meta.dirname, '..');
const SOURCES = ['tests/fixtures/corpus/real', 'tests/fixtures/corpus/seeds', 'tests/fixtures/generated'].map((d) => join(ROOT, d));

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

function documentsUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...documentsUnder(p));
    else if ((DOCUMENT_EXTENSIONS as readonly string[]).includes(name.split('.').pop()?.toLowerCase() ?? '')) out.push(p);
  }
  return out;
}

/** n files cycling through the fixtures, each with a few distinct trailing bytes so every checksum differs. */
export function mixedBatch(target: string, n: number): string[] {
  const sources = SOURCES.flatMap((d) => documentsUnder(d));
  mkdirSync(target, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const src = sources[i % sources.length] as string;
    const file = join(target, `${String(i).padStart(3, '0')}-${src.split('/').pop()}`);
    copyFileSync(src, file);
    appendFileSync(file, /\.html?$/.test(src) ? `\n<!-- ${i} -->\n` : `\n${' '.repeat(1 + Math.floor(i / sources.length))}\n`);
    files.push(file);
  }
  return files;
}

async function importRun(
  n: number,
  parserModule: string | undefined,
): Promise<{ seconds: number; maxGapMs: number; imported: number; failed: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ri-bench-'));
  try {
    const input = join(dir, 'in');
    mixedBatch(input, n);
    const db = openDb(join(dir, 'lib.sqlite'));
    const queue = new ImportQueue({ db, ...(parserModule ? { parserModule } : {}) });
    const stamps: number[] = [];
    queue.subscribe((e) => e.type === 'progress' && stamps.push(performance.now()));
    const t0 = performance.now();
    const summary = await queue.result(queue.start([input]))!;
    const seconds = (performance.now() - t0) / 1000;
    await queue.close();
    db.close();
    const all = [t0, ...stamps];
    const maxGapMs = Math.max(...all.slice(1).map((t, i) => t - (all[i] as number)));
    return { seconds, maxGapMs, imported: summary.imported.length, failed: summary.failed.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ORGAN_PARTS = ['平潭综合实验区', '淮安市', '勐拉镇', '西沱镇', '低庄镇', '勐来乡', '溆浦县', '石柱县', '沧源县', '清江浦区'];

/** 10,000 reports built from real parsed models and texts: varied units, years and states; small synthetic originals. */
function syntheticLibrary(db: Db, models: ReportModel[], texts: string[], n: number): void {
  // Batches of reports per commit (each insert is still its own savepoint): the import path is measured above, this only builds data.
  const batch = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) insertSynthetic(db, models, texts, i);
  });
  for (let i = 0; i < n; i += 500) batch(i, Math.min(n, i + 500));
}

function insertSynthetic(db: Db, models: ReportModel[], texts: string[], i: number): void {
  const base = models[i % models.length] as ReportModel;
  const organ = `${ORGAN_PARTS[i % ORGAN_PARTS.length]}第${Math.floor(i / 10) % 300}单位`;
  // 20 cells per synthetic report: list, filter and search never read cells, and full-size cell inserts are timed by the import above.
  const cells = Object.fromEntries(Object.entries(base.cells).slice(0, 20));
  const model: ReportModel = { ...base, cells, file: `synthetic-${i}.txt`, organ, year: 2015 + (i % 11) };
  const bytes = new TextEncoder().encode(`synthetic report ${i}`);
  const sha256 = (i.toString(16).padStart(8, '0') + 'f'.repeat(64)).slice(0, 64);
  const text = `${organ}\n${texts[i % texts.length] ?? ''}`;
  insertReport(db, { fileName: model.file, format: model.format, sha256, size: bytes.length, bytes, model, problems: [], text });
}

/** The library file's size after a checkpoint, and the bytes of the search indexes in it (SQLite's dbstat). */
function reportSize(db: Db, path: string, n: number): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
  console.log(`database size at ${n}: ${mb(statSync(path).size)}`);
  const rows = db
    .prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'reports_fts%' OR name LIKE 'reports_grams%' GROUP BY name")
    .all() as { name: string; bytes: number }[];
  for (const prefix of ['reports_fts', 'reports_grams']) {
    const bytes = rows.filter((r) => r.name.startsWith(`${prefix}_`)).reduce((a, r) => a + r.bytes, 0);
    console.log(`  ${prefix} (all its shadow tables): ${mb(bytes)}`);
  }
}

function time(fn: () => unknown, runs = 15): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** The whole library benchmark; `npm run bench` can call it, or run this file with tsx. Options: --runs --files --reports --parser --keep. */
export async function runLibraryBench(args: string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      runs: { type: 'string' },
      files: { type: 'string' },
      reports: { type: 'string' },
      parser: { type: 'string' },
      keep: { type: 'string' },
    },
  });
  const runs = Number(values.runs ?? 3);
  const files = Number(values.files ?? 100);
  const results = [];
  for (let r = 0; r < runs; r++) {
    const res = await importRun(files, values.parser);
    results.push(res);
    process.stderr.write(
      `  run ${r + 1}: ${res.seconds.toFixed(1)} s, imported ${res.imported}, failed ${res.failed}, max gap ${res.maxGapMs.toFixed(0)} ms\n`,
    );
  }
  const importMedian = median(results.map((r) => r.seconds));
  const maxGap = Math.max(...results.map((r) => r.maxGapMs));
  console.log(`import ${files} mixed reports: median ${importMedian.toFixed(1)} s (target < 30 s) ${importMedian < 30 ? 'PASS' : 'FAIL'}`);
  console.log(`max gap between progress events: ${maxGap.toFixed(0)} ms (target <= 1000 ms) ${maxGap <= 1000 ? 'PASS' : 'FAIL'}`);

  // A real library to take models and text from, then the synthetic one.
  const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'ri-bench-lib-'));
  mkdirSync(dir, { recursive: true });
  try {
    const seed = openDb(join(dir, 'seed.sqlite'));
    const queue = new ImportQueue({ db: seed, ...(values.parser ? { parserModule: values.parser } : {}) });
    await queue.result(queue.start([join(ROOT, 'tests/fixtures/corpus/real'), join(ROOT, 'tests/fixtures/corpus/seeds')]));
    await queue.close();
    const ids = (seed.prepare('SELECT id FROM reports').all() as { id: number }[]).map((r) => r.id);
    const models = ids.map((id) => getReportModel(seed, id) as ReportModel);
    const texts = ids.map((id) => getReportText(seed, id) ?? '');
    seed.close();
    const n = Number(values.reports ?? 10_000);
    const db = openDb(join(dir, 'big.sqlite'));
    const t0 = performance.now();
    syntheticLibrary(db, models, texts, n);
    process.stderr.write(`  built ${n} reports in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    const cases: [string, () => unknown][] = [
      ['list (first page of 100)', () => listLibrary(db, {})],
      ['filter year', () => listLibrary(db, { year: 2020 })],
      ['filter year + unit', () => listLibrary(db, { year: 2020, organ: '淮安市第2单位' })],
      ['filter status', () => listLibrary(db, { status: 'needs-attention' })],
      ['search 3+ chars, in every report (依申请公开)', () => listLibrary(db, { text: '依申请公开' })],
      ['search 3+ chars, rare (淮安市第12单位)', () => listLibrary(db, { text: '淮安市第12单位' })],
      ['search + year filter', () => listLibrary(db, { text: '行政复议', year: 2021 })],
      ['search 2 chars (复议)', () => listLibrary(db, { text: '复议' })],
      ['search 2 chars (收费)', () => listLibrary(db, { text: '收费' })],
      ['search 2 chars (诉讼)', () => listLibrary(db, { text: '诉讼' })],
      ['search 1 char (的)', () => listLibrary(db, { text: '的' })],
      ['search 2 Latin/digit chars (12)', () => listLibrary(db, { text: '12' })],
      ['search two short terms (复议 收费)', () => listLibrary(db, { text: '复议 收费' })],
      ['search short + year filter (诉讼)', () => listLibrary(db, { text: '诉讼', year: 2021 })],
      ['search short + long (诉讼 依申请公开)', () => listLibrary(db, { text: '诉讼 依申请公开' })],
    ];
    for (const [name, fn] of cases) {
      const ms = time(fn);
      console.log(`${name} at ${n}: median ${ms.toFixed(1)} ms ${ms < 100 ? 'PASS' : 'FAIL'}`);
    }
    reportSize(db, join(dir, 'big.sqlite'), n);
    db.close();
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  runLibraryBench().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
