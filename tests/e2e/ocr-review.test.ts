// A scanned report in the review screen: imported through the loopback host (read by OCR in the import worker), its
// OCR'd cells marked in the tables, `n` visiting them (values proposed by the arithmetic first), and a clicked OCR'd
// cell's box drawn over the page image.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { ROOT, RENDERER_DIR, ensureBuilt } from './support/build';
import { launch, newPage, screenshot, SCREENS_DIR } from './support/browser';

const SCAN_NAME = '2024_jiangsu_huaian_city.scan.pdf';
const SCAN = join(ROOT, 'tests', 'fixtures', 'generated', 'scan', SCAN_NAME);
const REPAIRED_HINT = '由表格勾稽关系推定，请核对原件';

let dir: string;
let host: Host;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ri-e2e-ocr-'));
  host = await startHost({ dbPath: join(dir, 'library.sqlite'), dialogPaths: { files: [SCAN] }, rendererDir: RENDERER_DIR });
  browser = await launch();
  page = await newPage(browser);
  await page.goto(host.url);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The selected cell of the tables: its id, OCR mark kind and state class. */
async function selectedCell(): Promise<{ id: string; ocr: string | null; uncertain: boolean } | null> {
  return page.evaluate(() => {
    const td = document.querySelector<HTMLElement>('td.cell--selected[data-cell-id]');
    if (!td) return null;
    return {
      id: td.dataset['cellId'] ?? '',
      ocr: td.dataset['ocr'] ?? null,
      uncertain: td.classList.contains('cell--ambiguous') || td.classList.contains('cell--missing'),
    };
  });
}

/** The highlight on the page image: its page number, whether it is in sight, and its rectangle in the window. */
async function pageHighlight(): Promise<{ page: number; visible: boolean; rect: { x: number; y: number; w: number; h: number } } | null> {
  return page.evaluate(() => {
    const hl = document.querySelector<HTMLElement>('.pdf-highlight--cell');
    const pageEl = hl?.closest<HTMLElement>('.pdf-page');
    const pane = document.querySelector<HTMLElement>('.pdf-view');
    if (!hl || !pageEl || !pane) return null;
    const r = hl.getBoundingClientRect();
    const p = pane.getBoundingClientRect();
    const visible = r.width > 2 && r.height > 2 && r.top >= p.top && r.bottom <= p.bottom && r.left >= p.left && r.right <= p.right;
    return { page: Number(pageEl.dataset['page']), visible, rect: { x: r.left, y: r.top, w: r.width, h: r.height } };
  });
}

/** A screenshot of the page image around the highlight, to see that the box sits on the cell's number. */
async function highlightCloseUp(name: string): Promise<void> {
  const hl = await pageHighlight();
  if (!hl) return;
  const pad = 60;
  await page.screenshot({
    path: join(SCREENS_DIR, `${name}.png`),
    clip: { x: Math.max(0, hl.rect.x - pad), y: Math.max(0, hl.rect.y - pad), width: hl.rect.w + 2 * pad, height: hl.rect.h + 2 * pad },
  });
}

describe('a scanned report reviewed in Chromium over the loopback host', () => {
  it('imports the scan via 选择文件 (read by OCR in the import worker)', async () => {
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('button', { name: '选择文件', exact: true }).click();
    await page.locator('.import-progress').waitFor();
    // OCR takes 30–60 s for the six pages on a busy two-core machine; the worker's own limit grows with the pages.
    await page.locator('.import-summary').waitFor({ timeout: 300_000 });
    expect(await page.locator('[data-count="imported"]').textContent()).toBe('1');
    expect(await page.locator('[data-count="failed"]').textContent()).toBe('0');
  }, 330_000);

  it('opens it: the page image on the left, OCR marks on the cells and in the legend', async () => {
    await page.getByRole('button', { name: '查看报告库' }).click();
    await page.locator('.report-open', { hasText: SCAN_NAME }).first().click();
    await page.locator('.tpl-t3').waitFor();
    await page.locator('.pdf-page canvas').first().waitFor();
    // A scan has no text layer: wait until the first page image is drawn.
    await page.waitForFunction(() => (document.querySelector<HTMLCanvasElement>('.pdf-page canvas')?.width ?? 0) > 0);

    const marked = page.locator('td[data-ocr] .ocr-mark');
    expect(await marked.count()).toBeGreaterThan(50);
    expect(await page.locator('td[data-ocr="read"] .ocr-mark').first().textContent()).toBe('OCR');
    const repaired = page.locator('td[data-ocr="repaired"]');
    if ((await repaired.count()) > 0) {
      const mark = repaired.first().locator('.ocr-mark');
      expect(await mark.textContent()).toBe('OCR·修');
      expect(await mark.getAttribute('title')).toBe(REPAIRED_HINT);
      expect(await repaired.first().getAttribute('title')).toContain('置信度');
    }
    const legend = page.locator('.legend');
    expect(await legend.textContent()).toContain('OCR·修');
    expect(await legend.textContent()).toContain('图像识别读出');
    expect(await page.getByRole('button', { name: '下一个待核（n）' }).getAttribute('title')).toContain('OCR');
    await screenshot(page, 'ocr-01-open');
  }, 60_000);

  it("`n` goes to the OCR'd and uncertain cells, the value proposed by the arithmetic first", async () => {
    const repairedIds = await page.locator('td[data-ocr="repaired"]').evaluateAll((tds) => tds.map((t) => t.getAttribute('data-cell-id')));
    const lowIds = await page.locator('td[data-ocr="low"]').evaluateAll((tds) => tds.map((t) => t.getAttribute('data-cell-id')));
    await page.locator('.review-head h2').click();
    const visited: { id: string; ocr: string | null; uncertain: boolean }[] = [];
    for (let i = 0; i < 4; i++) {
      const before = visited.at(-1)?.id;
      await page.keyboard.press('n');
      await expect.poll(async () => (await selectedCell())?.id).not.toBe(before);
      const cell = await selectedCell();
      expect(cell).not.toBeNull();
      visited.push(cell!);
      // Focus moved to the cell: blur it so the next `n` is the page's, like a key pressed after a click.
      await page.locator('.review-head h2').click();
    }
    for (const c of visited) expect(c.ocr !== null || c.uncertain).toBe(true);
    // Repaired cells first, then low-confidence readings.
    const kinds = visited.map((c) => c.ocr);
    const expected = [...repairedIds.map(() => 'repaired'), ...lowIds.map(() => 'low')].slice(0, visited.length);
    expect(kinds.slice(0, expected.length)).toEqual(expected);

    // The panel of the first one shows the confidence as a percentage and what OCR read.
    await page.locator(`td[data-cell-id="${visited[0]!.id}"]`).click();
    const panel = page.locator('.cell-panel');
    await expect.poll(() => panel.locator('[data-field="ocr-confidence"]').textContent()).toMatch(/^\d{1,3}%/);
    expect(await panel.locator('[data-field="ocr-read"]').textContent()).toMatch(/“.*”|未读出/);
    if (visited[0]!.ocr === 'repaired') {
      const text = (await panel.locator('[data-field="ocr-repaired"]').textContent()) ?? '';
      expect(text).toMatch(/识别为“\d+” → 推定为 \d+/);
      expect(text).toContain(REPAIRED_HINT);
    }
    await expect.poll(async () => (await pageHighlight())?.visible).toBe(true);
    await screenshot(page, 'ocr-02-next');
    await highlightCloseUp('ocr-03-next-box');
  }, 60_000);

  it("a clicked OCR'd cell of 表三 shows its box on the page image", async () => {
    const cell = page.locator('td[data-ocr][data-cell-id^="t3/"]').first();
    const id = await cell.getAttribute('data-cell-id');
    await cell.click();
    expect((await selectedCell())?.id).toBe(id);
    await expect.poll(async () => (await pageHighlight())?.visible).toBe(true);
    // The box is on the page the panel names.
    const where = (await page.locator('.cell-panel-head .muted').textContent()) ?? '';
    const hl = await pageHighlight();
    expect(where).toBe(`第 ${hl?.page} 页`);
    // The page image under the box is drawn (not blank): some dark ink inside it.
    const ink = (): Promise<number> =>
      page.evaluate(() => {
        const hl = document.querySelector<HTMLElement>('.pdf-highlight--cell');
        const canvas = hl?.closest('.pdf-page')?.querySelector<HTMLCanvasElement>('canvas');
        if (!hl || !canvas) return 0;
        const k = canvas.width / canvas.getBoundingClientRect().width;
        const [x, y, w, h] = [hl.offsetLeft, hl.offsetTop, hl.offsetWidth, hl.offsetHeight].map((v) => Math.round(v * k));
        const data = canvas.getContext('2d')?.getImageData(x!, y!, Math.max(1, w!), Math.max(1, h!)).data;
        let dark = 0;
        for (let i = 0; data && i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
        return dark;
      });
    await expect.poll(ink).toBeGreaterThan(0);
    await screenshot(page, 'ocr-04-click');
    await highlightCloseUp('ocr-05-click-box');
  }, 60_000);
});
