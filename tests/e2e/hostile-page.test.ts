// A hostile saved web page (scripts, frames, remote images and styles, javascript: links, meta refresh) is shown in review without running or fetching anything.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src/main/host/server';
import { ROOT, RENDERER_DIR, ensureBuilt } from './support/build';
import { launch, newPage, screenshot } from './support/browser';

const HOSTILE = join(ROOT, 'tests', 'fixtures', 'hostile', 'hostile-page.html');

let dir: string;
let host: Host;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'ri-e2e-hostile-'));
  host = await startHost({ dbPath: join(dir, 'library.sqlite'), dialogPaths: { files: [HOSTILE] }, rendererDir: RENDERER_DIR });
  browser = await launch();
  page = await newPage(browser);
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(host.url);
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Everything a marker-setting payload could have changed, read from the app's page. */
async function markers(): Promise<unknown[]> {
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.source-frame');
    const doc = frame?.contentDocument;
    return [
      (window as { __pwned?: unknown }).__pwned ?? null,
      (frame?.contentWindow as { __pwned?: unknown } | null | undefined)?.__pwned ?? null,
      doc?.body?.getAttribute('data-pwned') ?? null,
      document.body.getAttribute('data-pwned'),
    ];
  });
}

describe('hostile HTML in the review screen', () => {
  it('imports the page and shows it with no script run and nothing fetched from outside', async () => {
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await page.getByRole('button', { name: '选择文件', exact: true }).click();
    await page.locator('.import-summary').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-count="imported"]').textContent()).toBe('1');
    await page.getByRole('button', { name: '查看报告库' }).click();
    await page.locator('.report-open', { hasText: 'hostile-page.html' }).click();
    await page.locator('iframe.source-frame').waitFor();
    await page.waitForFunction(() =>
      (document.querySelector<HTMLIFrameElement>('iframe.source-frame')?.contentDocument?.body?.textContent ?? '').includes('年度报告'),
    );

    // Interact the way an inspector would: hover, click the links and the table, wait past the meta refresh delay.
    const frame = page.frameLocator('iframe.source-frame');
    await frame.locator('text=鼠标经过').hover();
    await frame.locator('text=点击查看详情').click();
    await frame.locator('text=原文链接').click();
    await page.waitForTimeout(1500);
    await screenshot(page, '09-review-hostile');

    expect(await markers()).toEqual([null, null, null, null]);
    expect(dialogs).toEqual([]);
    // Still the app, not evil.example (meta refresh, base href and links went nowhere).
    expect(page.url()).toBe(host.url);
    const frameUrl = await page.evaluate(
      () => document.querySelector<HTMLIFrameElement>('iframe.source-frame')?.contentDocument?.URL ?? '',
    );
    expect(frameUrl).toBe('about:srcdoc');
    // The sanitized document keeps the text but carries no active or remote element.
    const leftovers = await page.evaluate(() => {
      const doc = document.querySelector<HTMLIFrameElement>('iframe.source-frame')?.contentDocument;
      if (!doc) return -1;
      return doc.querySelectorAll(
        'script, iframe, object, embed, video, audio, base, link, meta[http-equiv="refresh"], [onload], [onerror], [onclick], a[href^="javascript"]',
      ).length;
    });
    expect(leftovers).toBe(0);
    // Every request the browser made went to the loopback host (or was inline data).
    const outside = requests.filter(
      (u) => !u.startsWith(host.url) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:srcdoc',
    );
    expect(outside).toEqual([]);
    expect(requests.some((u) => u.includes('evil.example'))).toBe(false);
  });

  it('refuses API calls from another origin and requests with a foreign Host header (DNS rebinding)', async () => {
    const url = new URL('api/invoke', host.url);
    const foreignOrigin = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body: JSON.stringify({ channel: 'db:info', arg: {} }),
    });
    expect(foreignOrigin.status).toBe(403);
    const rebound = await new Promise<number>((resolve, reject) => {
      // fetch() will not let us forge Host; a raw request can, as a rebinding attacker's browser would send it.
      void import('node:http').then(({ request }) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: Number(url.port),
            path: '/api/invoke',
            method: 'POST',
            headers: { Host: 'evil.example', 'Content-Type': 'application/json' },
          },
          (res) => resolve(res.statusCode ?? 0),
        );
        req.on('error', reject);
        req.end(JSON.stringify({ channel: 'db:info', arg: {} }));
      });
    });
    expect(rebound).toBe(421);
    const unknown = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ channel: 'fs:read', arg: {} }),
    });
    expect(unknown.status).toBe(404);
    const escape = await fetch(new URL('../../../etc/passwd', host.url).href.replace('/etc', '/%2e%2e/%2e%2e/etc'));
    expect(escape.status).toBe(404);
  });
});
