// Converts legacy Word files to .docx with LibreOffice when it is installed: private profile, temp folder, hard timeout.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE_TIMEOUT_MS = 60_000;

const KNOWN_LOCATIONS = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  '/usr/bin/soffice',
  '/usr/local/bin/soffice',
  '/opt/libreoffice/program/soffice',
];

/** The soffice executable on PATH (or in a usual install folder), or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice', 'libreoffice'];
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const n of names) if (dir && existsSync(join(dir, n))) return join(dir, n);
  }
  return KNOWN_LOCATIONS.find((p) => existsSync(p));
}

export type ConvertResult = { ok: true; docx: Uint8Array } | { ok: false; reason: 'timeout' | 'failed'; detail: string };

/** Runs soffice and resolves when it exits or is killed for overrunning the timeout. */
function run(soffice: string, args: string[], timeoutMs: number, signal?: AbortSignal): Promise<'exit' | 'timeout'> {
  return new Promise((resolve) => {
    const detached = process.platform !== 'win32'; // own process group, so the whole soffice tree can be killed
    const child = spawn(soffice, args, { stdio: 'ignore', detached, windowsHide: true });
    const kill = () => {
      try {
        if (detached && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      kill();
      resolve('timeout');
    }, timeoutMs);
    signal?.addEventListener('abort', kill, { once: true });
    child.on('error', () => {
      clearTimeout(timer);
      resolve('exit');
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve('exit');
    });
  });
}

/** Converts .doc/.wps bytes to .docx bytes in a private temp folder that is always removed. */
export async function convertToDocx(
  soffice: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
  timeoutMs = SOFFICE_TIMEOUT_MS,
): Promise<ConvertResult> {
  const dir = await mkdtemp(join(tmpdir(), 'ri-doc-'));
  try {
    // Kingsoft .wps files are Word binary documents: the Word 97 import filter reads them when the name says .doc.
    const input = join(dir, 'input.doc');
    await writeFile(input, bytes);
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--nologo', '--nolockcheck', '--nodefault'];
    args.push('--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(dir, 'out'), input);
    const how = await run(soffice, args, timeoutMs, signal);
    if (how === 'timeout') return { ok: false, reason: 'timeout', detail: `soffice ran over ${timeoutMs / 1000} s` };
    const out = join(dir, 'out');
    const files = existsSync(out) ? (await readdir(out)).filter((f) => f.endsWith('.docx')) : [];
    if (files.length === 0) return { ok: false, reason: 'failed', detail: 'soffice produced no .docx' };
    return { ok: true, docx: new Uint8Array(await readFile(join(out, files[0]!))) };
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
