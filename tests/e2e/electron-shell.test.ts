// The Electron shell's hardening and preload, checked without the Electron binary (it cannot be downloaded here): fakes stand in for Electron's objects.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import type { Session, WebContents } from 'electron';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from '../../src/shared/ipc/contract';
import { CSP, cspFor, hardenContents, hardenSession, isAppUrl } from '../../src/main/security';
import { ROOT, ensureBuilt } from './support/build';

type Listener = (...args: unknown[]) => void;

/** Records what hardenSession / hardenContents register, so each rule can be exercised. */
function fakes(): { session: Session; contents: WebContents; on: Map<string, Listener>; hooks: Record<string, Listener> } {
  const on = new Map<string, Listener>();
  const hooks: Record<string, Listener> = {};
  const session = {
    webRequest: {
      onBeforeRequest: (l: Listener) => (hooks['beforeRequest'] = l),
      onHeadersReceived: (l: Listener) => (hooks['headers'] = l),
    },
    setPermissionRequestHandler: (l: Listener) => (hooks['permission'] = l),
    setPermissionCheckHandler: (l: Listener) => (hooks['permissionCheck'] = l),
    setDevicePermissionHandler: (l: Listener) => (hooks['device'] = l),
    on: (name: string, l: Listener) => on.set(`session:${name}`, l),
  } as unknown as Session;
  const contents = {
    on: (name: string, l: Listener) => on.set(name, l),
    setWindowOpenHandler: (l: Listener) => (hooks['windowOpen'] = l),
  } as unknown as WebContents;
  return { session, contents, on, hooks };
}

function prevented(l: Listener | undefined, ...args: unknown[]): boolean {
  let p = false;
  l?.({ preventDefault: () => (p = true), isMainFrame: false, url: args[0] }, ...args);
  return p;
}

describe('window and session hardening', () => {
  it('cancels every request that is not the app itself, remote or local file', () => {
    const f = fakes();
    hardenSession(f.session);
    const cancel = (url: string): boolean => {
      let result = false;
      f.hooks['beforeRequest']?.({ url }, (r: { cancel: boolean }) => (result = r.cancel));
      return result;
    };
    expect(cancel('app://renderer/index.html')).toBe(false);
    expect(cancel('app://renderer/pdfjs/cmaps/UniGB-UCS2-H.bcmap')).toBe(false);
    for (const url of [
      'http://evil.example/x.png',
      'https://cdn.example/a.js',
      'ws://evil.example/',
      'file:///etc/passwd',
      'ftp://x/y',
      'http://localhost:5173/',
    ]) {
      expect(cancel(url), url).toBe(true);
    }
  });

  it('lets the dev server through only in development, and only its own host', () => {
    const dev = { devServerUrl: 'http://localhost:5173' };
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('ws://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', {})).toBe(false);
    expect(cspFor({})).toBe(CSP);
    expect(cspFor(dev)).toContain("'unsafe-inline'");
  });

  it('puts the strict CSP on every response and denies every permission', () => {
    const f = fakes();
    hardenSession(f.session);
    let headers: Record<string, string[]> = {};
    f.hooks['headers']?.(
      { responseHeaders: { 'Content-Security-Policy': ['default-src *'] } },
      (r: { responseHeaders: Record<string, string[]> }) => (headers = r.responseHeaders),
    );
    expect(headers['Content-Security-Policy']).toEqual([CSP]);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/);
    let granted: boolean | undefined;
    f.hooks['permission']?.({}, 'media', (ok: boolean) => (granted = ok));
    expect(granted).toBe(false);
    expect(f.hooks['permissionCheck']?.()).toBe(false);
  });

  it('denies navigation, new windows, webviews and sub-frame loads of remote pages', () => {
    const f = fakes();
    hardenContents(f.contents);
    expect(prevented(f.on.get('will-navigate'), 'https://evil.example/')).toBe(true);
    expect(prevented(f.on.get('will-navigate'), 'app://renderer/index.html')).toBe(true);
    expect(prevented(f.on.get('will-attach-webview'))).toBe(true);
    expect(prevented(f.on.get('will-frame-navigate'), 'http://evil.example/frame')).toBe(true);
    expect(prevented(f.on.get('will-frame-navigate'), 'about:srcdoc')).toBe(false);
    expect(f.hooks['windowOpen']?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});

describe('built preload', () => {
  let exposed: Record<string, unknown> = {};
  const invoked: string[] = [];
  const subscribed: string[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    const code = readFileSync(join(ROOT, 'out', 'preload', 'index.cjs'), 'utf8');
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed = { [name]: api }) },
      ipcRenderer: {
        invoke: async (channel: string) => (invoked.push(channel), { ok: true, value: null }),
        on: (event: string) => subscribed.push(event),
        removeListener: () => undefined,
      },
      webUtils: { getPathForFile: () => '/tmp/dropped.pdf' },
    };
    // Run the bundle the way Electron's sandboxed preload does: CommonJS, with only `require('electron')`.
    runInNewContext(code, { require: (m: string) => (m === 'electron' ? electron : undefined), module: {}, exports: {} });
  });

  it('exposes invoke/on/pathForFile as window.api and nothing else', () => {
    expect(Object.keys(exposed)).toEqual(['api']);
    expect(Object.keys(exposed['api'] as object).sort()).toEqual(['invoke', 'on', 'pathForFile']);
  });

  it('forwards exactly the contract channels and events, refusing any other', async () => {
    const api = exposed['api'] as {
      invoke: (c: string, a: unknown) => Promise<{ ok: boolean }>;
      on: (e: string, cb: () => void) => () => void;
    };
    for (const c of CHANNELS) expect((await api.invoke(c, {})).ok).toBe(true);
    expect(invoked).toEqual([...CHANNELS]);
    const refused = await api.invoke('fs:read', { path: '/etc/passwd' });
    expect(refused.ok).toBe(false);
    expect(invoked).not.toContain('fs:read');
    for (const e of EVENTS) api.on(e, () => {})();
    api.on('ipc:any', () => {});
    expect(subscribed).toEqual([...EVENTS]);
  });
});
