// OCR bench (run by `npm run bench`, or alone: `npx tsx scripts/bench-ocr.ts [file.pdf…]`): seconds per scanned page
// (median, wall and CPU; the engine runs on one core) and peak memory, on the scanned fixtures. One run per file:
// OCR is slow, and the machine noisy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from '../src/main/services/parse-file';

const root = join(import.meta.dirname, '..', 'tests', 'fixtures');
const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { file: string; kind: string }[];
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : manifest.filter((e) => e.kind === 'scan').map((e) => join(root, e.file));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const wallPerPage: number[] = [];
const cpuPerPage: number[] = [];
// The tables' second reading (reread.ts) runs once after the last page: counted in the whole file's CPU per page.
const wholeCpuPerPage: number[] = [];
console.log('OCR: file, OCR pages, s/page (wall), s/page (CPU), whole file s, whole file CPU s/page');
for (const file of files) {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let pages = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await parseFile(file, {
    onProgress: (p) => {
      const now = performance.now();
      const cpu = process.cpuUsage();
      // The first report (0 of n) comes before the engine starts: its start-up is not a page.
      if (p.current > 0) {
        wallPerPage.push((now - last) / 1000);
        cpuPerPage.push((cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1e6);
        pages = p.current;
      }
      last = now;
      lastCpu = cpu;
    },
  });
  const cpu = process.cpuUsage(cpu0);
  const whole = (cpu.user + cpu.system) / 1e6 / Math.max(1, pages);
  wholeCpuPerPage.push(whole);
  console.log(
    `  ${file.split('/').pop()}  ${pages}  ${median(wallPerPage.slice(-pages)).toFixed(2)}  ${median(cpuPerPage.slice(-pages)).toFixed(2)}  ${((performance.now() - t0) / 1000).toFixed(1)}  ${whole.toFixed(2)}`,
  );
}
clearInterval(sampler);
console.log(
  `OCR median per page: ${median(wallPerPage).toFixed(2)} s wall, ${median(cpuPerPage).toFixed(2)} s CPU (${median(wholeCpuPerPage).toFixed(2)} s CPU with the tables' second reading); peak RSS ${Math.round(peak / 1024 / 1024)} MB`,
);
