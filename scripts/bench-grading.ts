// Grading benchmark: checks + scoring of one report (parse excluded), the grading panel's update after a correction
// (correct a cell, then grade:get, through the services), and grading every report of a 10,000-report library from
// the stored models (no re-parse). Medians: these machines are noisy. Targets: < 20 ms, < 100 ms, < 60 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ReportModel } from '../src/shared/model/report';
import { grade } from '../src/shared/grading/index';
import { DEFAULT_CHECKLIST } from '../src/shared/grading/default-checklist';
import { insertReport, getReportText, openDb } from '../src/main/db/index';
import { openLibrary } from '../src/main/services/library';
import { parseFile } from '../src/main/services/parse-file';
import { median } from './bench-library';

const ROOT = join(import.meta.dirname, '..');
const CORPUS = join(ROOT, 'tests/fixtures/corpus');
const DOCS = [
  'real/2019_fujian_pingtan_zhq.html',
  'real/2020_fujian_pingtan_zhq.html',
  'real/2021_fujian_pingtan_zhq.html',
  'real/2022_fujian_pingtan_zhq.html',
  'real/2023_fujian_pingtan_zhq.html',
  'real/2024_fujian_pingtan_zhq.html',
  'real/2025_fujian_pingtan_zhq.html',
  'real/2024_jiangsu_huaian_city.pdf',
  'seeds/seed-000.txt',
  'seeds/seed-001.txt',
  'seeds/seed-002.txt',
  'seeds/seed-003.txt',
  'seeds/seed-004.txt',
];
const ORGANS = ['平潭综合实验区', '淮安市', '勐拉镇', '西沱镇', '低庄镇', '勐来乡', '溆浦县', '石柱县', '沧源县', '清江浦区'];

function timeIt(fn: () => unknown, runs: number): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { reports: { type: 'string' }, runs: { type: 'string' } } });
  const runs = Number(values.runs ?? 21);
  const models: ReportModel[] = [];
  for (const d of DOCS) models.push((await parseFile(join(CORPUS, d))).model!);

  // 1. checks + scoring of one report, with last year's report and the other reports as peers.
  const perDoc = models.map((m, i) =>
    timeIt(
      () => grade({ report: m, previous: i > 0 && i < 7 ? models[i - 1] : null, peers: models.filter((p) => p !== m) }, DEFAULT_CHECKLIST),
      runs,
    ),
  );
  const one = median(perDoc);
  console.log(
    `checks + scoring of one report (parse excluded): median ${one.toFixed(1)} ms over ${DOCS.length} reports (max ${Math.max(...perDoc).toFixed(1)}) ${one < 20 ? 'PASS' : 'FAIL'} (target < 20 ms)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'ri-bench-grade-'));
  try {
    // 2. the grading panel after a correction: the services as the window calls them.
    const lib = openLibrary({ dbPath: join(dir, 'panel.sqlite') });
    const job = lib.queue.start(DOCS.slice(3, 6).map((d) => join(CORPUS, d)));
    const summary = await lib.queue.result(job);
    const reportId = summary!.imported[0]!.reportId;
    await lib.handlers['grade:get']({ reportId });
    const panel: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await lib.handlers['cell:correct']({ reportId, cellId: 't3/new/natural', value: i, state: 'number', reason: 'bench' });
      await lib.handlers['grade:get']({ reportId });
      panel.push(performance.now() - t0);
    }
    const p = median(panel);
    console.log(
      `grading panel updated after a correction (correct + grade:get): median ${p.toFixed(1)} ms ${p < 100 ? 'PASS' : 'FAIL'} (target < 100 ms)`,
    );
    const text = getReportText(lib.db, reportId) ?? '';
    await lib.close();

    // 3. every report of a 10,000-report library, from the stored models.
    const n = Number(values.reports ?? 10_000);
    const db = openDb(join(dir, 'big.sqlite'));
    const build = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const base = models[i % models.length]!;
        const organ = `${ORGANS[i % ORGANS.length]}第${Math.floor(i / 10) % 1000}单位`;
        const model: ReportModel = { ...base, organ, year: 2015 + (i % 11), file: `r-${i}.txt` };
        const bytes = new TextEncoder().encode(`report ${i}`);
        const sha256 = (i.toString(16).padStart(8, '0') + 'e'.repeat(64)).slice(0, 64);
        insertReport(db, {
          fileName: model.file,
          format: model.format,
          sha256,
          size: bytes.length,
          bytes,
          model,
          problems: [],
          text: i === 0 ? text : '',
        });
      }
    });
    for (let i = 0; i < n; i += 500) build(i, Math.min(n, i + 500));
    db.close();
    const big = openLibrary({ dbPath: join(dir, 'big.sqlite') });
    const ids = (big.db.prepare('SELECT id FROM reports ORDER BY year, id').all() as { id: number }[]).map((r) => r.id);
    const t0 = performance.now();
    let last = t0;
    ids.forEach((id, k) => {
      big.grading.summary(id);
      if (performance.now() - last > 5000) {
        last = performance.now();
        process.stderr.write(`  graded ${k + 1} / ${ids.length}\n`);
      }
    });
    const s = (performance.now() - t0) / 1000;
    console.log(
      `grading every report of a ${n}-report library (stored models, no re-parse): ${s.toFixed(1)} s ${s < 60 ? 'PASS' : 'FAIL'} (target < 60 s)`,
    );
    await big.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
