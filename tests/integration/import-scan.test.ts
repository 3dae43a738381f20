// Expanding chosen paths like a USB stick: recursion, non-documents, lock and system files, symlink loops, missing paths.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPaths, skipReasonForName } from '../../src/main/import/scan';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'ri-scan-'));
  const usb = join(root, 'usb');
  mkdirSync(join(usb, '2023', '乡镇'), { recursive: true });
  mkdirSync(join(usb, '.Trashes'));
  mkdirSync(join(usb, 'System Volume Information'));
  const files: Record<string, string> = {
    '2023/县政府年报.pdf': '%PDF',
    '2023/乡镇/甲镇.docx': 'PK',
    '2023/乡镇/乙镇.DOC': 'x',
    '2023/乡镇/~$甲镇.docx': 'lock',
    '2023/丙镇.wps': 'x',
    '2023/page.shtml': '<html>',
    '2023/notes.txt': 'text',
    '2023/photo.jpg': 'jpg',
    '.DS_Store': 'x',
    'Thumbs.db': 'x',
    '.Trashes/old.pdf': 'x',
    'System Volume Information/x.txt': 'x',
    README: 'no extension',
  };
  for (const [p, c] of Object.entries(files)) writeFileSync(join(usb, p), c);
  symlinkSync(usb, join(usb, '2023', 'loop')); // a link back to an ancestor
  symlinkSync(join(usb, '2023', 'notes.txt'), join(usb, 'notes-link.txt')); // the same file twice
  symlinkSync(join(root, 'nowhere.pdf'), join(usb, 'broken.pdf'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('scanPaths', () => {
  it('finds every document in a folder tree and gives a reason for every skip', async () => {
    const r = await scanPaths([join(root, 'usb')]);
    const rel = (p: string) => p.slice(join(root, 'usb').length + 1);
    expect(r.files.map(rel).sort()).toEqual(
      ['2023/县政府年报.pdf', '2023/乡镇/甲镇.docx', '2023/乡镇/乙镇.DOC', '2023/丙镇.wps', '2023/page.shtml', '2023/notes.txt'].sort(),
    );
    const skipped = new Map(r.skipped.map((s) => [rel(s.file), s.reason]));
    expect(skipped.get('2023/乡镇/~$甲镇.docx')).toMatch(/锁定/);
    expect(skipped.get('.DS_Store')).toMatch(/隐藏/);
    expect(skipped.get('Thumbs.db')).toMatch(/系统/);
    expect(skipped.get('.Trashes')).toMatch(/隐藏/);
    expect(skipped.get('System Volume Information')).toMatch(/系统/);
    expect(skipped.get('2023/photo.jpg')).toMatch(/不是支持的文档类型/);
    expect(skipped.get('README')).toMatch(/不是支持的文档类型/);
    expect(skipped.get('2023/loop')).toMatch(/循环/);
    expect(skipped.get('broken.pdf')).toMatch(/无法读取/);
    for (const s of r.skipped) expect(s.reason.length).toBeGreaterThan(0);
  });

  it('accepts chosen files directly and reports a missing path', async () => {
    const r = await scanPaths([join(root, 'usb', '2023', '丙镇.wps'), join(root, 'missing.pdf')]);
    expect(r.files).toEqual([join(root, 'usb', '2023', '丙镇.wps')]);
    expect(r.skipped).toEqual([{ file: join(root, 'missing.pdf'), reason: expect.stringMatching(/找不到/) }]);
  });

  it('stops at the file limit', async () => {
    const r = await scanPaths([join(root, 'usb')], { maxFiles: 2 });
    expect(r.files).toHaveLength(2);
    expect(r.skipped.some((s) => /最多导入 2 个/.test(s.reason))).toBe(true);
  });

  it('classifies names', () => {
    expect(skipReasonForName('a.PDF', false)).toBeUndefined();
    expect(skipReasonForName('a.htm', false)).toBeUndefined();
    expect(skipReasonForName('a.exe', false)).toBeDefined();
    expect(skipReasonForName('desktop.ini', false)).toBeDefined();
    expect(skipReasonForName('folder', true)).toBeUndefined();
  });
});
