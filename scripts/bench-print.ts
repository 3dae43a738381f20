// Print benchmark: 100 assessment sheets (the corpus' reports graded, some items decided) into one A4 PDF through
// Debian's chromium, as `sheets` and the app's 导出 PDF do. Median of 3 runs after a warm-up. Target: < 20 s.
// `--one-by-one` also times the fallback path (each sheet printed alone, then concatenated).
import { join } from 'node:path';
import { assess, type Decision } from '../src/shared/grading/assessment';
import { gradeOf } from '../src/shared/grading/checklist';
import { DEFAULT_CHECKLIST } from '../src/shared/grading/default-checklist';
import { grade } from '../src/shared/grading/index';
import type { SheetData } from '../src/shared/print/types';
import { printSheetsPdf } from '../src/main/print/batch';
import { ChromiumPrinter } from '../src/main/print/chromium-printer';
import { parseFile } from '../src/main/services/parse-file';
import { median } from './bench-library';

const CORPUS = join(import.meta.dirname, '..', 'tests/fixtures/corpus');
const DOCS = [
  'seeds/seed-000.txt',
  'seeds/seed-002.txt',
  'seeds/seed-004.txt',
  'real/2025_fujian_pingtan_zhq.html',
  'real/2024_jiangsu_huaian_city.pdf',
];
const SHEETS = 100;
const RUNS = 3;

async function sheets(): Promise<SheetData[]> {
  const base: SheetData[] = [];
  for (const d of DOCS) {
    const m = (await parseFile(join(CORPUS, d))).model!;
    const g = grade({ report: m }, DEFAULT_CHECKLIST);
    // A third of the items decided, one with a long note: a sheet part-way through review.
    const decisions: Decision[] = g.sheet.items
      .filter((_, k) => k % 3 === 0)
      .map((i, k) => ({
        itemId: i.id,
        points: k === 1 ? Math.max(0, i.max - 1) : i.suggested,
        suggested: i.suggested,
        note: k === 1 ? '评审人核实：正文与表三数据不一致，已电话核对，按实际情况扣分。' : '',
        checklist: g.sheet.checklist,
        by: '评审员',
        at: '2026-03-02T09:00:00Z',
      }));
    base.push({
      organ: m.organ,
      year: m.year,
      template: m.template,
      publishedAt: m.publishedAt,
      publishedSource: 'document',
      reviewedAt: '2026-03-02',
      fileName: m.file,
      checklist: { ref: g.sheet.checklist, name: DEFAULT_CHECKLIST.name, groups: DEFAULT_CHECKLIST.groups },
      assessment: assess(
        g.sheet,
        decisions,
        [{ itemId: null, text: '报告结构完整，数据基本准确。', by: '评审员', at: '2026-03-02' }],
        (t) => gradeOf(DEFAULT_CHECKLIST, t),
      ),
    });
  }
  return Array.from({ length: SHEETS }, (_, i) => ({
    ...base[i % base.length]!,
    organ: `${base[i % base.length]!.organ ?? '单位'}（${i + 1}）`,
  }));
}

async function run(
  printer: ChromiumPrinter,
  data: SheetData[],
  oneByOne: boolean,
): Promise<{ ms: number; pages: number; how: string; mb: number }> {
  const t0 = performance.now();
  const tick = setInterval(() => process.stdout.write(`\r  … ${((performance.now() - t0) / 1000).toFixed(0)} s`), 1000);
  try {
    const r = await printSheetsPdf(printer, data, {
      oneByOne,
      onSheet: (done, total) => process.stdout.write(`\r  sheet ${done}/${total}   `),
    });
    return { ms: performance.now() - t0, pages: r.pages, how: r.how, mb: r.bytes.byteLength / 1024 / 1024 };
  } finally {
    clearInterval(tick);
    process.stdout.write('\r\u001b[K');
  }
}

const data = await sheets();
const printer = new ChromiumPrinter();
try {
  console.log(`print benchmark: ${SHEETS} sheets into one PDF, chromium via playwright-core, median of ${RUNS} runs after a warm-up`);
  await run(printer, data.slice(0, 5), false);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run(printer, data, false);
    times.push(r.ms);
    console.log(`  run ${i + 1}: ${(r.ms / 1000).toFixed(1)} s, ${r.pages} pages, ${r.mb.toFixed(1)} MB, path ${r.how}`);
  }
  const m = median(times);
  console.log(`${SHEETS} sheets → one PDF: median ${(m / 1000).toFixed(1)} s (target < 20 s) ${m < 20_000 ? 'OK' : 'SLOW'}`);
  if (process.argv.includes('--one-by-one')) {
    const r = await run(printer, data, true);
    console.log(`fallback, one by one: ${(r.ms / 1000).toFixed(1)} s, ${r.pages} pages, ${r.mb.toFixed(1)} MB`);
  }
} finally {
  await printer.close();
}
