// Grading in Chromium over the loopback host: a reason shows its cell and its sentence, an override needs a note and
// survives a reload, the library shows the state and total; and the review screen's fixes (arrow keys between cells,
// the no-tables note, one scrollbar per pane, PDF zoom, the report's title on opening).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { ROOT, RENDERER_DIR, ensureBuilt } from './support/build';
import { launch, newPage, screenshot } from './support/browser';
import { frameHighlight, importCorpusThroughUi, onlyPanesScroll, openReport } from './support/review';

const CORPUS = join(ROOT, 'tests', 'fixtures', 'corpus');
const FOLDERS = [join(CORPUS, 'real'), join(CORPUS, 'seeds')];
/** 溆浦县低庄镇 2025: the prose says one application, 表三 says none (XCK-01 fails, domain.md §11). */
const SEED_4 = 'seed-004.txt';
const HTML_REPORT = '2023_fujian_pingtan_zhq.html';
const PDF_REPORT = '2024_jiangsu_huaian_city.pdf';
const UNKNOWN_REPORT = '2013_fujian_pingtan_zhq_dishuiju.html';

let dir: string;
let host: Host;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ri-e2e-grading-'));
  host = await startHost({ dbPath: join(dir, 'library.sqlite'), dialogPaths: { folder: FOLDERS }, rendererDir: RENDERER_DIR });
  browser = await launch();
  page = await newPage(browser);
  await page.goto(host.url);
  expect(await importCorpusThroughUi(page)).toBe(0);
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const item = (id: string) => page.locator(`.grade-item[data-item-id="${id}"]`);
const total = async (): Promise<number> => Number(await page.locator('.grading-summary [data-field="total"]').textContent());

describe('grading a report in Chromium', () => {
  it('shows the checklist beside source and tables; a reason highlights its cells and its sentence', async () => {
    await openReport(page, SEED_4);
    await item('D2').waitFor();
    expect(await page.locator('.grade-item').count()).toBeGreaterThan(10);
    expect(await page.locator('[data-field="checklist"]').textContent()).toContain('评分表');
    const reason = item('D2').locator('[data-check="XCK-01"] .reason-main');
    await reason.click();
    // The tables: the cells the check rests on are flagged.
    await expect.poll(() => page.locator('td.cell--flagged').count()).toBeGreaterThan(0);
    expect(await page.locator('td.cell--flagged[data-cell-id="t3/new/total"]').count()).toBe(1);
    // The source: the printed sentence is outlined and marked.
    await expect.poll(() => frameHighlight(page, 'span')).toMatchObject({ visible: true });
    const hl = await frameHighlight(page, 'span');
    expect(`${hl?.text ?? ''}`).toMatch(/申請1件|申请1件/);
    await screenshot(page, '20-grading-reason');
  });

  it('lists all 59 checks by family with their Chinese titles', async () => {
    await page.getByRole('tab', { name: /全部检查/ }).click();
    await expect.poll(() => page.locator('.checks-overview .check').count()).toBe(59);
    expect(await page.locator('.check-family').count()).toBe(7);
    const titles = await page.locator('.checks-overview .check-title').allTextContents();
    expect(titles.some((t) => /^[A-Z]{3}-\d\d$/.test(t))).toBe(false);
    await page.locator('.check[data-check-id="XCK-01"]').click();
    await expect.poll(() => page.locator('td.cell--flagged').count()).toBeGreaterThan(0);
    await screenshot(page, '21-grading-checks');
    await page.getByRole('tab', { name: '评分表' }).click();
  });

  it('confirms with the keyboard, overrides with a required note, and keeps both after a reload', async () => {
    await openReport(page, SEED_4);
    await item('A1').waitFor();
    const before = await total();
    // Keyboard: ] moves into the panel, c confirms the current item's suggestion.
    await page.locator('.review-head h2').click();
    await page.keyboard.press(']');
    await page.keyboard.press('c');
    await expect.poll(() => item('A2').locator('.grade-state').textContent()).toBe('已确认');

    const d3 = item('D3');
    const suggested = Number((await d3.locator('[data-field="suggested"]').textContent())?.replace(/[^\d.]/g, ''));
    const points = suggested >= 1 ? suggested - 1 : suggested + 1;
    await d3.getByRole('button', { name: /改分/ }).click();
    await d3.locator('input[name="points"]').fill(String(points));
    await d3.getByRole('button', { name: '保存得分' }).click();
    await expect.poll(() => d3.locator('[role="alert"]').textContent()).toContain('请填写理由');
    await d3.locator('input[name="note"]').fill('问题查找较笼统，酌情扣分');
    await d3.getByRole('button', { name: '保存得分' }).click();
    await expect.poll(() => d3.locator('.grade-state').textContent()).toBe('已改分');
    expect(Number(await d3.locator('[data-field="points"]').textContent())).toBe(points);
    await expect.poll(total).toBe(before - suggested + points);
    expect(await page.locator('.grading-state').textContent()).toBe('评审中');
    await screenshot(page, '22-grading-override');

    await page.reload();
    await openReport(page, SEED_4);
    await item('D3').waitFor();
    expect(Number(await item('D3').locator('[data-field="points"]').textContent())).toBe(points);
    expect(await item('D3').locator('.grade-note').textContent()).toContain('问题查找较笼统');
    expect(await item('A2').locator('.grade-state').textContent()).toBe('已确认');
    expect(await total()).toBe(before - suggested + points);
  });

  it('flags a confirmed item for a second look when a correction moves its suggestion, never changing the decision', async () => {
    await openReport(page, SEED_4);
    const c1 = item('C1');
    await c1.getByRole('button', { name: /确认建议分/ }).click();
    await expect.poll(() => c1.locator('.grade-state').textContent()).toBe('已确认');
    const decided = Number(await c1.locator('[data-field="points"]').textContent());
    // 表三 is all zeros: a 5 in one cell of 本年新收 breaks that column's 一+二=三+四 (ARI-01).
    const cell = page.locator('td[data-cell-id="t3/new/natural"]');
    await cell.click();
    await page.keyboard.press('Enter');
    await page.locator('.cell-editor input[name="value"]').fill('5');
    await page.locator('.cell-editor input[name="reason"]').fill('核对原文');
    await page.getByRole('button', { name: '保存更正' }).click();
    await expect.poll(() => c1.locator('.grade-state').textContent()).toBe('需复核');
    expect(await c1.locator('.second-look').textContent()).toContain('建议分已变化');
    expect(Number(await c1.locator('[data-field="points"]').textContent())).toBe(decided);
    expect(Number((await c1.locator('[data-field="suggested"]').textContent())?.replace(/[^\d.]/g, ''))).toBeLessThan(decided);
    await screenshot(page, '27-grading-second-look');
  });

  it('shows grading state and total in the library, filters by it, and gives the reasons for 需关注', async () => {
    await page.getByRole('button', { name: '报告库', exact: true }).click();
    const row = page.locator('.report-row', { hasText: SEED_4 });
    await expect.poll(() => row.locator('.grading-col').textContent()).toContain('评审中');
    await page.getByLabel('按评分状态筛选').selectOption('in-progress');
    await expect.poll(() => page.locator('.report-row').count()).toBe(1);
    await page.getByLabel('按评分状态筛选').selectOption('');
    await expect.poll(() => page.locator('.report-row').count()).toBeGreaterThan(1);
    // A saved page and its text dump are one report: marked, and listed one after the other.
    const pair = page.locator('.report-row').filter({ has: page.locator('.report-open', { hasText: /^2023_fujian_pingtan_zhq\.html$/ }) });
    expect(await pair.locator('.same-as').textContent()).toContain('2023_fujian_pingtan_zhq.page.txt');
    expect(await pair.evaluate((tr) => tr.nextElementSibling?.textContent ?? '')).toContain('2023_fujian_pingtan_zhq.page.txt');
    const attention = page.locator('.report-row .status-badge--needs-attention');
    if ((await attention.count()) > 0) expect(await page.locator('.report-row .attention').count()).toBeGreaterThan(0);
    await screenshot(page, '23-library-grading');
  });

  it('moves between table cells with the arrow keys, staying on the report', async () => {
    await openReport(page, HTML_REPORT);
    const file = await page.locator('.review-head .file-name').textContent();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-cell-id') ?? '');
    await page.locator('td[data-cell-id="t3/new/natural"]').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(focused).toBe('t3/new/org_commercial');
    await page.keyboard.press('ArrowDown');
    await expect.poll(focused).toBe('t3/carried_in/org_commercial');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(focused).toBe('t3/carried_in/natural');
    await page.keyboard.press('ArrowUp');
    await expect.poll(focused).toBe('t3/new/natural');
    expect(await page.locator('.review-head .file-name').textContent()).toBe(file);
    expect(await onlyPanesScroll(page)).toBe(true);
  });

  it('says that no statistical tables were found instead of drawing a grid of "?"', async () => {
    await openReport(page, UNKNOWN_REPORT);
    await expect.poll(() => page.locator('.no-tables').textContent()).toContain('未找到统计表');
    expect(await page.locator('.tpl-table').count()).toBe(0);
    expect(await page.locator('.grade-item').count()).toBeGreaterThan(10);
    await screenshot(page, '24-review-no-tables');
  });

  it('opens a saved web page on the report rather than the site navigation', async () => {
    await openReport(page, HTML_REPORT);
    // The report's title (the page's <title>) is printed near the top of the frame's view, not below the portal's header.
    const titleTop = (): Promise<number | null> =>
      page.evaluate(() => {
        const doc = document.querySelector<HTMLIFrameElement>('iframe.source-frame')?.contentDocument;
        const view = doc?.defaultView;
        if (!doc || !view || !doc.title) return null;
        const want = doc.title.replace(/\s/g, '');
        const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || !(el.textContent ?? '').replace(/\s/g, '').includes(want)) continue;
          const top = el.getBoundingClientRect().top;
          if (top >= -2 && top < view.innerHeight / 3) return top;
        }
        return null;
      });
    await expect.poll(titleTop).not.toBeNull();
    expect(
      await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe.source-frame')?.contentWindow?.scrollY),
    ).toBeGreaterThan(0);
    await screenshot(page, '25-review-html-opening');
  });

  it('zooms the PDF in and out, and back to the width of the pane', async () => {
    await openReport(page, PDF_REPORT);
    const width = () =>
      page
        .locator('.pdf-page')
        .first()
        .evaluate((el) => el.getBoundingClientRect().width);
    const fit = await width();
    await page.getByRole('button', { name: '放大' }).click();
    await page.getByRole('button', { name: '放大' }).click();
    await expect.poll(width).toBeGreaterThan(fit * 1.4);
    await page.locator('td[data-cell-id="t3/granted/natural"]').click();
    await expect.poll(() => page.locator('.pdf-highlight').isVisible()).toBe(true);
    await screenshot(page, '26-review-pdf-zoom');
    await page.getByRole('button', { name: '适合宽度' }).click();
    await expect.poll(width).toBeCloseTo(fit, 0);
    expect(await onlyPanesScroll(page)).toBe(true);
  });

  it('edits a county copy of the checklist: a broken one is refused with the reasons, a good one saved and active', async () => {
    await page.getByRole('button', { name: '评分表设置', exact: true }).click();
    await page.locator('.checklist-view').waitFor();
    await page.getByRole('button', { name: '复制为本县评分表' }).click();
    const first = page.locator('.item-editor').first();
    await first.getByLabel('名称').fill('');
    await first.locator('input[name="max"]').fill('12');
    await page.getByRole('button', { name: '保存并启用' }).click();
    await expect.poll(() => page.locator('.checklist-editor [role="alert"]').textContent()).toContain('缺少名称');
    await screenshot(page, '28-checklist-refused');
    await first.getByLabel('名称').fill('按时发布（本县）');
    await page.getByRole('button', { name: '保存并启用' }).click();
    await expect.poll(() => page.locator('.checklist-list li', { hasText: '当前使用' }).textContent()).toContain('county@1');
    // The list and the view are refreshed one after the other: wait for the view to show the saved copy.
    await expect.poll(() => page.locator('.checklist-view').textContent()).toContain('按时发布（本县）');
    await screenshot(page, '29-checklist-saved');

    // Graded with it from now on: the panel names it, and a decision made on the default sheet is looked at again.
    await openReport(page, SEED_4);
    await expect.poll(() => page.locator('[data-field="checklist"]').textContent()).toContain('本县');
    expect(await item('A2').locator('.second-look').textContent()).toContain('评分表已更换');
    expect(await page.locator('.grading-summary [data-field="total"]').count()).toBe(1);

    await page.getByRole('button', { name: '评分表设置', exact: true }).click();
    await page.locator('.checklist-list li', { hasText: 'default@1' }).getByRole('button').click();
    await page.getByRole('button', { name: '设为当前评分表' }).click();
    await expect.poll(() => page.locator('.checklist-list li', { hasText: '当前使用' }).textContent()).toContain('default@1');
  });

  it('keeps deadlines per unit level and the inspector name, refusing a date that is not MM-DD', async () => {
    await page.getByRole('button', { name: '评分表设置', exact: true }).click();
    const form = page.locator('.settings-form');
    await form.locator('input[name="deadline-county_gov"]').fill('13-45');
    await form.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => form.locator('[role="alert"]').textContent()).toContain('县人民政府');
    await form.locator('input[name="deadline-county_gov"]').fill('03-31');
    await form.locator('input[name="inspector"]').fill('张评审');
    await form.getByRole('button', { name: '保存设置' }).click();
    await expect.poll(() => form.locator('.info-text').textContent()).toContain('已保存');
    await page.reload();
    await page.getByRole('button', { name: '评分表设置', exact: true }).click();
    await expect.poll(() => page.locator('.settings-form input[name="inspector"]').inputValue()).toBe('张评审');
  });
});
