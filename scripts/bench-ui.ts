// Opening a report in the real renderer (Chromium over the loopback host): median ms from the click in the library
// until both the 表三 grid and the source (a painted PDF page with its text layer, or the sanitized page) are shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport } from '../src/cli/commands/import';
import { startHost } from '../src/main/host/server';
import { ensureBuilt, RENDERER_DIR, ROOT } from '../tests/e2e/support/build';
import { launch, newPage } from '../tests/e2e/support/browser';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const corpus = join(ROOT, 'tests', 'fixtures', 'corpus');
const reports = ['2024_jiangsu_huaian_city.pdf', '2021_fujian_pingtan_zhq.html', 'seed-004.txt'];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

await ensureBuilt();
const dir = mkdtempSync(join(tmpdir(), 'ri-bench-ui-'));
const dbPath = join(dir, 'library.sqlite');
const quiet = process.stderr.write.bind(process.stderr);
process.stderr.write = () => true; // the import's per-file progress lines
await runImport([join(corpus, 'real', reports[0]!), join(corpus, 'real', reports[1]!), join(corpus, 'seeds', reports[2]!), '--db', dbPath]);
process.stderr.write = quiet;
const host = await startHost({ dbPath, dialogPaths: {}, rendererDir: RENDERER_DIR });
const browser = await launch();
try {
  const page = await newPage(browser);
  await page.goto(host.url);
  console.log(`opening a report in the review screen: ${RUNS} runs each after a warm-up, Chromium ${browser.version()}`);
  for (const name of reports) {
    const times: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      await page.getByRole('button', { name: '报告库', exact: true }).click();
      const t0 = performance.now();
      await page.locator('.report-open', { hasText: name }).click();
      await page.locator('.tpl-t3').waitFor();
      await page.waitForFunction(() => {
        const frame = document.querySelector<HTMLIFrameElement>('iframe.source-frame');
        if (frame) return (frame.contentDocument?.body?.childElementCount ?? 0) > 0;
        return document.querySelector('.pdf-page .textLayer span') !== null;
      });
      if (i > 0) times.push(performance.now() - t0);
    }
    console.log(`  ${name.padEnd(34)} median ${median(times).toFixed(0).padStart(5)} ms  (target < 1000 ms)`);
  }
} finally {
  await browser.close();
  await host.close();
  rmSync(dir, { recursive: true, force: true });
}
