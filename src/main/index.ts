// App lifecycle only: the app:// scheme, the hardened session and window, the library (database + import queue) and the IPC glue.
import type { BrowserWindow } from 'electron';
import { app, dialog, ipcMain, protocol, session } from 'electron';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary, type Library } from './services/library';
import { eventSender, registerIpc } from './ipc/register';
import { createMainWindow } from './window';
import { ElectronPrinter } from './print/electron-printer';
import { APP_SCHEME, cspFor, hardenContents, hardenSession, type SecurityOptions } from './security';
import { SECURITY_HEADERS, contentType, resolveInside } from './host/static-files';
import { DOCUMENT_EXTENSIONS } from './import/scan';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const security: SecurityOptions =
  !app.isPackaged && process.env['ELECTRON_RENDERER_URL'] ? { devServerUrl: process.env['ELECTRON_RENDERER_URL'] } : {};

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** `--db=<file>` or REPORT_INSPECTOR_DB choose another library; the user-data folder holds the default one. */
function databasePath(): string {
  const flag = process.argv.find((a) => a.startsWith('--db='));
  return flag?.slice('--db='.length) || process.env['REPORT_INSPECTOR_DB'] || join(app.getPath('userData'), 'library.sqlite');
}

/**
 * better-sqlite3 must match Electron's ABI. Packagers ship a rebuilt binary at resources/native/better_sqlite3.node
 * (rebuilding needs Electron's headers from the internet, so it is never done on install); without it Node's build is used.
 */
function nativeBinding(): string | undefined {
  const candidates = [
    join(process.resourcesPath, 'native', 'better_sqlite3.node'),
    join(app.getAppPath(), 'resources', 'native', 'better_sqlite3.node'),
  ];
  return candidates.find((p) => existsSync(p));
}

/** Serves the built renderer under app://renderer/ straight from disk (no file:// URL is ever loaded), refusing paths that leave its folder. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { host, pathname } = new URL(request.url);
    const file = host === 'renderer' ? resolveInside(rendererDir, pathname) : null;
    const body = file ? await readFile(file).catch(() => null) : null;
    if (!file || !body) return new Response('未找到', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return new Response(body, {
      headers: { ...SECURITY_HEADERS, 'Content-Security-Policy': cspFor(security), 'Content-Type': contentType(file) },
    });
  });
}

let win: BrowserWindow | undefined;
let library: Library | undefined;

async function chooseFiles(kind: 'files' | 'folder'): Promise<string[]> {
  const options: Electron.OpenDialogOptions =
    kind === 'folder'
      ? { title: '选择要导入的文件夹', properties: ['openDirectory'] }
      : {
          title: '选择要导入的年报文件',
          properties: ['openFile', 'multiSelections'],
          filters: [
            { name: '年报文件', extensions: [...DOCUMENT_EXTENSIONS] },
            { name: '评审包', extensions: ['ripkg'] },
          ],
        };
  const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return r.canceled ? [] : r.filePaths;
}

const SAVE_KINDS: Record<string, { title: string; name: string }> = {
  pdf: { title: '导出 PDF', name: 'PDF' },
  xlsx: { title: '导出 Excel', name: 'Excel 工作簿' },
  ripkg: { title: '导出评审包', name: '评审包' },
};

/** Where print, Excel and package exports write when the renderer gives no path (the kind follows the suggested name); null when cancelled. */
async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const ext = /\.(pdf|xlsx|ripkg)$/i.exec(suggestedName)?.[1]?.toLowerCase() ?? 'pdf';
  const kind = SAVE_KINDS[ext]!;
  const options: Electron.SaveDialogOptions = {
    title: kind.title,
    defaultPath: join(app.getPath('documents'), suggestedName.replace(/[\\/:*?"<>|]/g, '_')),
    filters: [{ name: kind.name, extensions: [ext] }],
  };
  const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath.toLowerCase().endsWith(`.${ext}`) ? r.filePath : `${r.filePath}.${ext}`;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, security);
  serveRenderer();
  const binding = nativeBinding();
  library = openLibrary({
    dbPath: databasePath(),
    ...(binding ? { nativeBinding: binding } : {}),
    emit: eventSender(() => win?.webContents),
    dialog: chooseFiles,
    printer: new ElectronPrinter(),
    saveDialog: chooseSavePath,
    userName: userInfo().username,
    // Import work runs in worker threads started from the bundled worker next to this file.
    queue: { workerEntry: { entry: new URL('./worker-runner.js', import.meta.url), eval: false } },
  });
  registerIpc(ipcMain, library.wrapped, security);
  win = createMainWindow({ ...security, preloadDir: join(here, '../preload') });
  win.on('closed', () => (win = undefined));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, security));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!library) return;
    // Let a running import stop between files and close the database cleanly before exiting.
    event.preventDefault();
    const closing = library;
    library = undefined;
    void closing.close().finally(() => app.quit());
  });
  app.whenReady().then(start, (e: unknown) => {
    dialog.showErrorBox('启动失败', e instanceof Error ? e.message : String(e));
    app.quit();
  });
}
