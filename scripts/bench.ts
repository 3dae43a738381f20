// `npm run bench`: parse speed per format (median ms per document and per page, peak memory), with poppler's
// pdftotext on the same PDFs as the yardstick, then the library benchmark. Medians and ratios: machines are noisy.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBytes } from '../src/main/services/parse-file';

const root = join(import.meta.dirname, '..', 'tests', 'fixtures');
/** `--only <regexp>`: only the fixtures whose path matches (e.g. `--only '(real|generated/pdf)/.*pdf$'`). */
const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : '';
// Scans are benched by bench-ocr.ts (one run each: OCR takes seconds a page).
const manifest = (JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { file: string; kind: string }[]).filter(
  (m) => m.kind !== 'scan' && new RegExp(only).test(m.file),
);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (x: number) => x.toFixed(x < 10 ? 2 : 1);

interface Row {
  file: string;
  format: string;
  pages: number;
  ms: number;
  popplerMs?: number;
}

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
let peak = 0;
const rows: Row[] = [];
for (const { file } of manifest) {
  const path = join(root, file);
  const bytes = new Uint8Array(readFileSync(path));
  const name = file.split('/').pop()!;
  const times: number[] = [];
  let pages = 1;
  let format = '?';
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    const parsed = await parseBytes(bytes, name);
    const dt = performance.now() - t0;
    if (i >= 2) times.push(dt); // two warm-up runs
    pages = parsed.document?.pageCount ?? 1;
    format = parsed.document?.format ?? 'failed';
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const row: Row = { file: name, format, pages, ms: median(times) };
  if (format === 'pdf' && hasPdftotext) {
    const pt: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      execFileSync('pdftotext', ['-layout', path, '-']);
      pt.push(performance.now() - t0);
    }
    row.popplerMs = median(pt);
  }
  rows.push(row);
}

console.log(`parse benchmark: ${RUNS} runs per document after 2 warm-ups, one process, sequential (one core)\n`);
console.log('document'.padEnd(46), 'format', '  pages', ' median ms', ' ms/page', ' pdftotext ms', ' ratio');
for (const r of rows) {
  const ratio = r.popplerMs ? (r.ms / r.popplerMs).toFixed(1) + '×' : '';
  console.log(
    r.file.padEnd(46),
    r.format.padEnd(6),
    String(r.pages).padStart(6),
    fmt(r.ms).padStart(10),
    fmt(r.ms / r.pages).padStart(8),
    (r.popplerMs ? fmt(r.popplerMs) : '').padStart(12),
    ratio.padStart(6),
  );
}
console.log('\nper format (median of document medians):');
for (const f of [...new Set(rows.map((r) => r.format))]) {
  const of = rows.filter((r) => r.format === f);
  const line = `  ${f.padEnd(6)} ${String(of.length).padStart(3)} docs  ${fmt(median(of.map((r) => r.ms))).padStart(8)} ms/doc  ${fmt(median(of.map((r) => r.ms / r.pages))).padStart(8)} ms/page`;
  const withPoppler = of.filter((r) => r.popplerMs);
  console.log(line + (withPoppler.length ? `  ${median(withPoppler.map((r) => r.ms / r.popplerMs!)).toFixed(1)}× pdftotext` : ''));
}
console.log(`\npeak memory (RSS): ${(peak / 1024 / 1024).toFixed(0)} MB`);

// Whole processes, as a user starts them: node's own start, the built command line on a text report and on the WPS-made
// Huaian PDF (worker thread, pdf.js load and checks included), and pdftotext on the same PDF.
{
  const runs = Number(process.env.BENCH_PROCESS_RUNS ?? 11);
  const build = spawnSync(process.execPath, [join(import.meta.dirname, 'build-cli.mjs'), '--quiet'], { stdio: 'inherit' });
  const cli = join(import.meta.dirname, '..', 'out', 'cli', 'index.js');
  const text = join(root, 'corpus', 'seeds', 'seed-004.txt');
  const huaian = join(root, 'corpus', 'real', '2024_jiangsu_huaian_city.pdf');
  const timed = (cmd: string, args: string[]) => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
    return performance.now() - t0;
  };
  const measure = (cmd: string, args: string[]) => {
    timed(cmd, args); // warm the file cache
    return median(Array.from({ length: runs }, () => timed(cmd, args)));
  };
  if (build.status === 0) {
    const node = measure(process.execPath, ['-e', '']);
    const txt = measure(process.execPath, [cli, 'parse', text, '--json']);
    const pdf = measure(process.execPath, [cli, 'parse', huaian, '--json']);
    const poppler = hasPdftotext ? measure('pdftotext', ['-layout', huaian, '-']) : undefined;
    console.log(`
whole process, median of ${runs} (out/cli built by scripts/build-cli.mjs):`);
    console.log(`  node -e ''                        ${fmt(node).padStart(8)} ms`);
    console.log(`  parse seed-004.txt                ${fmt(txt).padStart(8)} ms  ${(txt / node).toFixed(1)}× node's start`);
    console.log(
      `  parse 2024_jiangsu_huaian_city.pdf ${fmt(pdf).padStart(7)} ms` + (poppler ? `  ${(pdf / poppler).toFixed(1)}× pdftotext` : ''),
    );
    if (poppler) console.log(`  pdftotext -layout (same PDF)      ${fmt(poppler).padStart(8)} ms`);
  }
}

if (!process.argv.includes('--parse-only')) {
  for (const [title, script] of [
    ['OCR of scanned reports', 'bench-ocr.ts'],
    ['library', 'bench-library.ts'],
    ['grading', 'bench-grading.ts'],
    ['review screen', 'bench-ui.ts'],
    ['print', 'bench-print.ts'],
  ] as const) {
    const path = join(import.meta.dirname, script);
    if (!existsSync(path)) continue;
    console.log(`\n— ${title} —`);
    spawnSync('npx', ['tsx', path], { stdio: 'inherit' });
  }
}
