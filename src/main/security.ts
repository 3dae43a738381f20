// Hardening of the session and every web contents: CSP, no remote requests, no navigation, no new windows, no webviews, no permissions.
import type { Session, WebContents } from 'electron';

/** The app's own origin: the renderer is served from this privileged scheme, never from file://. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://renderer`;

/** Only what pdf.js needs beyond 'self' (its worker from a blob or file, canvases as blobs); nothing remote. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "frame-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * Development only (electron-vite dev): Vite's React refresh preamble is an inline script and its HMR talks over a
 * websocket to the dev server. Never used by a built app.
 */
export function cspFor(options: SecurityOptions): string {
  if (!options.devServerUrl) return CSP;
  const dev = new URL(options.devServerUrl);
  return CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ws://${dev.host} ${dev.origin}`,
  );
}

export interface SecurityOptions {
  /** electron-vite's dev server (`ELECTRON_RENDERER_URL`), the only http(s) origin allowed, and only in development. */
  devServerUrl?: string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** True for URLs the app itself serves: the app scheme, devtools, inline data, and the dev server when there is one. */
export function isAppUrl(url: string, options: SecurityOptions = {}): boolean {
  if (url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (url === 'about:srcdoc' || url === 'about:blank') return true;
  if (!options.devServerUrl) return false;
  // The dev server's pages and its HMR websocket: same host, http(s) or ws(s).
  const dev = new URL(options.devServerUrl).host;
  const origin = originOf(url);
  return origin !== null && /^(https?|wss?):\/\//.test(origin) && new URL(url).host === dev;
}

/** Session-wide rules: every request that is not the app's own is cancelled; every response carries the CSP; no permission is granted. */
export function hardenSession(session: Session, options: SecurityOptions = {}): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    // The app is offline: http(s), ws, ftp, file… anything not served by the app is refused.
    callback({ cancel: !isAppUrl(details.url, options) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders, 'Content-Security-Policy': [cspFor(options)], 'X-Content-Type-Options': ['nosniff'] };
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

/** Per-contents rules: the window never leaves the app, never opens another window, never hosts a webview. */
export function hardenContents(contents: WebContents, options: SecurityOptions = {}): void {
  // The renderer is a single page: it never navigates its main frame, so every attempt (a link, a drop, a refresh tag) is refused.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, options)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // Sub-frames (the sanitized source frame) only ever hold srcdoc; a link inside them must not load anything.
    if (!event.isMainFrame && !isAppUrl(event.url, options)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
