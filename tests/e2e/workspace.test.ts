// The workspace as an inspector uses it, in real Chromium against the real services and database: import a folder, review, correct, search.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { ROOT, RENDERER_DIR, ensureBuilt } from './support/build';
import { launch, newPage, screenshot } from './support/browser';

const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus', 'real');
const DOCUMENT_EXT = new Set(['.pdf', '.docx', '.doc', '.wps', '.html', '.htm', '.txt']);
const HTML_REPORT = '2023_fujian_pingtan_zhq.html';
const PDF_REPORT = '2024_jiangsu_huaian_city.pdf';
const TEXT_REPORT = '2022_fujian_pingtan_zhq.page.txt';
const WORD_REPORT = '2021_fujian_pingtan_zhq.bordered.docx';
const WORD_FILE = join(ROOT, 'tests', 'fixtures', 'generated', 'docx', WORD_REPORT);

function documentsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? documentsUnder(join(dir, e.name)) : DOCUMENT_EXT.has(extname(e.name).toLowerCase()) ? [join(dir, e.name)] : [],
  );
}

let dir: string;
let dbPath: string;
let host: Host;
let browser: Browser;
let page: Page;

async function startOn(db: string): Promise<Host> {
  return startHost({ dbPath: db, dialogPaths: { folder: [CORPUS], files: [WORD_FILE] }, rendererDir: RENDERER_DIR });
}

/** Opens a report from the library and returns how long it took until both the tables and the source were painted. */
async function openReport(fileName: string): Promise<number> {
  await page.getByRole('button', { name: '报告库', exact: true }).click();
  const t0 = Date.now();
  await page.locator('.report-open', { hasText: fileName }).click();
  await page.locator('.tpl-t3').waitFor();
  await page.locator('iframe.source-frame, .pdf-page canvas').first().waitFor();
  await page.waitForFunction(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.source-frame');
    if (frame) return (frame.contentDocument?.body?.childElementCount ?? 0) > 0;
    return document.querySelector('.pdf-page .textLayer span') !== null;
  });
  const ms = Date.now() - t0;
  if (process.env['E2E_TIMING']) console.info(`opened ${fileName} in ${ms} ms`);
  return ms;
}

/** The highlighted element inside the sandboxed source frame, read from the app's page (the frame runs no script of its own). */
async function frameHighlight(): Promise<{ text: string; visible: boolean } | null> {
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.source-frame');
    const doc = frame?.contentDocument;
    const el = doc?.querySelector<HTMLElement>('[data-ri-highlight]');
    if (!frame || !doc || !el) return null;
    const r = el.getBoundingClientRect();
    const view = doc.defaultView;
    const visible =
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < (view?.innerHeight ?? 0) && r.right > 0 && r.left < (view?.innerWidth ?? 0);
    return { text: el.textContent ?? '', visible };
  });
}

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ri-e2e-'));
  dbPath = join(dir, 'library.sqlite');
  host = await startOn(dbPath);
  browser = await launch();
  page = await newPage(browser);
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('workspace in Chromium over the loopback host', () => {
  it('imports the corpus folder via 选择文件夹, shows per-file progress and a summary', async () => {
    const expected = documentsUnder(CORPUS).length;
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await screenshot(page, '01-import-empty');
    await page.getByRole('button', { name: '选择文件夹' }).click();
    await page.locator('.import-progress').waitFor();
    await page.locator('.import-summary').waitFor({ timeout: 150_000 });
    await screenshot(page, '02-import-done');
    const count = async (k: string): Promise<number> => Number(await page.locator(`[data-count="${k}"]`).textContent());
    expect(await count('imported')).toBe(expected);
    expect(await count('failed')).toBe(0);
    await expect.poll(() => page.locator('.file-table tbody tr').count()).toBe(expected);
    expect(await page.locator('.file-table tbody tr', { hasText: HTML_REPORT }).textContent()).toContain('已导入');
  }, 180_000);

  it('lists the library by year with every imported report', async () => {
    await page.getByRole('button', { name: '查看报告库' }).click();
    await page.locator('.report-row').first().waitFor();
    expect(await page.locator('.report-row').count()).toBe(documentsUnder(CORPUS).length);
    expect(await page.locator('.year-row', { hasText: '2023 年度' }).count()).toBeGreaterThan(0);
    await screenshot(page, '03-library');
  });

  it('opens an HTML report, and a clicked 表三 cell is highlighted in the sanitized source', async () => {
    // Opening paints the tables and the source in under a second (measured from the click, through the loopback host).
    await openReport(HTML_REPORT); // how fast it opens is measured by `npm run bench` (scripts/bench-ui.ts), not here
    const cell = page.locator('td[data-cell-id="t3/new/natural"]');
    const value = (await cell.textContent())?.trim() ?? '';
    expect(value).toMatch(/^\d+$/);
    await cell.click();
    await expect.poll(frameHighlight).toMatchObject({ visible: true });
    const hl = await frameHighlight();
    expect(hl?.text.replace(/\s/g, '')).toContain(value);
    await screenshot(page, '04-review-html');
  });

  it('opens a plain-text report, and a clicked cell highlights its line', async () => {
    await openReport(TEXT_REPORT);
    const cell = page.locator('td.cell--number[data-cell-id^="t3/"]').first();
    const value = (await cell.textContent())?.trim() ?? '';
    await cell.click();
    await expect.poll(frameHighlight).toMatchObject({ visible: true });
    expect((await frameHighlight())?.text).toContain(value);
  });

  it("opens the PDF and draws the clicked cell's box over the number on its page", async () => {
    await openReport(PDF_REPORT);
    await page.locator('.pdf-page canvas').first().waitFor();
    const cell = page.locator('td[data-cell-id="t3/granted/natural"]');
    const value = (await cell.textContent())?.trim() ?? '';
    expect(value).toMatch(/^\d+$/);
    await cell.click();
    const box = page.locator('.pdf-highlight');
    await box.waitFor();
    await expect.poll(() => box.isVisible()).toBe(true);
    // The text layer spans that lie inside the box must spell the cell's number.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const hl = document.querySelector('.pdf-highlight');
          const pageEl = hl?.closest('.pdf-page');
          if (!hl || !pageEl) return '';
          const b = hl.getBoundingClientRect();
          return [...pageEl.querySelectorAll('.textLayer span')]
            .filter((s) => {
              const r = s.getBoundingClientRect();
              const cx = r.left + r.width / 2;
              const cy = r.top + r.height / 2;
              return cx >= b.left && cx <= b.right && cy >= b.top && cy <= b.bottom;
            })
            .map((s) => s.textContent)
            .join('')
            .replace(/\s/g, '');
        }),
      )
      .toContain(value);
    const inView = await box.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const pane = el.closest('.pdf-view')!.getBoundingClientRect();
      return r.top >= pane.top && r.bottom <= pane.bottom;
    });
    expect(inView).toBe(true);
    await screenshot(page, '05-review-pdf');
  });

  it('imports a Word file via 选择文件, and a clicked cell is highlighted in its source', async () => {
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('button', { name: '选择文件', exact: true }).click();
    await expect.poll(() => page.locator('[data-count="imported"]').textContent(), { timeout: 60_000 }).toBe('1');
    await openReport(WORD_REPORT);
    // A number of three digits or more: specific enough to be found in the source even by its text.
    const cells = page.locator('td.cell--number');
    const values = await cells.allTextContents();
    const i = values.findIndex((v) => /^\d{3,}$/.test(v.trim()));
    expect(i).toBeGreaterThanOrEqual(0);
    await cells.nth(i).click();
    await expect.poll(frameHighlight).toMatchObject({ visible: true });
    expect((await frameHighlight())?.text).toContain(values[i]?.trim());
    // A "0" is printed in dozens of cells: only the reader's anchor (data-anchor in the Word review page) finds it.
    const zero = values.findIndex((v, n) => n > i && v.trim() === '0');
    expect(zero).toBeGreaterThan(i);
    await cells.nth(zero).click();
    await expect.poll(async () => (await frameHighlight())?.text?.trim()).toBe('0');
    expect((await frameHighlight())?.visible).toBe(true);
    await screenshot(page, '14-review-word');
  });

  it('corrects a cell with a required reason; the correction and the parsed value survive a restart', async () => {
    await openReport(HTML_REPORT);
    const cell = page.locator('td[data-cell-id="t3/granted/natural"]');
    const parsed = Number((await cell.textContent())?.trim());
    await cell.click();
    await page.keyboard.press('Enter');
    const value = page.locator('.cell-editor input[name="value"]');
    await value.fill(String(parsed + 1));
    await page.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => page.locator('.cell-editor [role="alert"]').textContent()).toContain('请填写更正原因');
    await page.locator('.cell-editor input[name="reason"]').fill('核对原文后修正');
    await page.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => cell.getAttribute('class')).toContain('cell--corrected');
    expect((await cell.textContent())?.trim()).toBe(String(parsed + 1));
    await expect.poll(() => page.locator('.history').textContent()).toContain('核对原文后修正');
    await screenshot(page, '06-review-corrected');

    await host.close();
    host = await startOn(dbPath);
    await page.goto(host.url);
    await openReport(HTML_REPORT);
    const again = page.locator('td[data-cell-id="t3/granted/natural"]');
    expect(await again.getAttribute('class')).toContain('cell--corrected');
    expect((await again.textContent())?.trim()).toBe(String(parsed + 1));
    await again.click();
    expect((await page.locator('[data-field="parsed"]').textContent())?.trim()).toContain(String(parsed));
    await expect.poll(() => page.locator('.history').textContent()).toContain('核对原文后修正');
  });

  it('moves between reports with j/k and to the next uncertain cell with n', async () => {
    await openReport(HTML_REPORT);
    const title = async (): Promise<string> => (await page.locator('.review-head .file-name').textContent()) ?? '';
    const before = await title();
    await page.locator('.review-head h2').click();
    await page.keyboard.press('j');
    await expect.poll(title).not.toBe(before);
    await page.keyboard.press('k');
    await expect.poll(title).toBe(before);

    // A report the library lists with uncertain cells (待核 column): n walks through exactly those cells.
    await page.getByRole('button', { name: '报告库', exact: true }).click();
    const row = page
      .locator('.report-row')
      .filter({ has: page.locator('td.uncertain-count', { hasText: /\d/ }) })
      .first();
    const uncertain = Number(await row.locator('td.uncertain-count').textContent());
    expect(uncertain).toBeGreaterThan(0);
    await row.locator('.report-open').click();
    await page.locator('.tpl-t3').waitFor();
    await page.locator('.review-head h2').click();
    const seen = new Set<string>();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell-id') ?? '');
    let previous = '';
    for (let i = 0; i < uncertain; i++) {
      await page.keyboard.press('n');
      // Wait until the focus has moved: a slow machine may not have handled the key yet.
      await expect.poll(focused).not.toBe(previous);
      const id = await focused();
      previous = id;
      expect(await page.locator(`td[data-cell-id="${id}"]`).getAttribute('class')).toMatch(/cell--(ambiguous|missing)/);
      seen.add(id);
    }
    expect(seen.size).toBe(uncertain);
    await screenshot(page, '13-review-uncertain');
  });

  it('jumps to a section (the source scrolls to its heading) and marks the cells and the sentence of a check', async () => {
    await openReport(HTML_REPORT);
    await page.locator('.sections-bar button', { hasText: '三' }).click();
    await page.locator('.section-text h3').waitFor();
    const title = (await page.locator('.section-text h3').textContent()) ?? '';
    expect(title).toContain('收到和处理');
    await expect.poll(frameHighlight).toMatchObject({ visible: true });
    expect((await frameHighlight())?.text.replace(/\s/g, '')).toContain(title.replace(/\s/g, '').slice(0, 8));
    await screenshot(page, '10-review-section');
    await page.locator('.sections-bar button', { hasText: '表格' }).click();
    // 正文申请件数与表三一致: its cells in the tables, the sentence that states the count in the source.
    await page.getByRole('tab', { name: /全部检查/ }).click();
    await page.locator('.check[data-check-id="XCK-01"]').click();
    await expect.poll(() => page.locator('td.cell--flagged').count()).toBeGreaterThan(1);
    await expect.poll(async () => (await frameHighlight())?.text ?? '').toContain('申请');
    await screenshot(page, '11-review-check');
  });

  it('finds a report by full-text search and highlights the hit', async () => {
    await page.getByRole('button', { name: '报告库', exact: true }).click();
    await page.locator('.report-row').first().waitFor();
    const all = await page.locator('.report-row').count();
    // A phrase only the Huai'an PDF contains: the search must narrow the list to it and mark the phrase.
    await page.getByRole('searchbox', { name: '全文检索' }).fill('淮安市人民政府');
    await page.locator('.hit-row mark').first().waitFor();
    await expect.poll(() => page.locator('.report-row').count()).toBeLessThan(all);
    expect(await page.locator('.report-row').first().textContent()).toContain(PDF_REPORT);
    expect(await page.locator('.hit-row mark').first().textContent()).toBe('淮安市人民政府');
    await screenshot(page, '07-library-search');
  });

  it('corrects unit and year of several reports at once', async () => {
    await page.getByRole('searchbox', { name: '全文检索' }).fill('');
    await page.locator('.hit-row').first().waitFor({ state: 'detached' });
    const boxes = page.locator('.report-row input[type="checkbox"]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.locator('.bulk-bar input').nth(1).fill('2031');
    await screenshot(page, '08-library-bulk');
    await page.getByRole('button', { name: '批量更正' }).click();
    await expect.poll(() => page.locator('.year-row', { hasText: '2031 年度 · 2 份' }).count()).toBe(1);
  });

  it('cancels a running import: the summary says so and lists the files left undone', async () => {
    const other = await startHost({ dbPath: join(dir, 'cancel.sqlite'), dialogPaths: { folder: [CORPUS] }, rendererDir: RENDERER_DIR });
    try {
      await page.goto(other.url);
      await page.getByRole('button', { name: '导入', exact: true }).click();
      await page.getByRole('button', { name: '选择文件夹' }).click();
      await page.getByRole('button', { name: '取消导入' }).click();
      await page.locator('.import-summary').waitFor({ timeout: 60_000 });
      expect(await page.locator('.import-summary h2').textContent()).toContain('已取消');
      expect(Number(await page.locator('[data-count="skipped"]').textContent())).toBeGreaterThan(0);
      expect(Number(await page.locator('[data-count="imported"]').textContent())).toBeLessThan(documentsUnder(CORPUS).length);
      await screenshot(page, '12-import-cancelled');
    } finally {
      await other.close();
    }
  }, 90_000);
});
