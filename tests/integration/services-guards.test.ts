// The edge guards of every channel fed hostile input: they never throw, and reject with a Chinese reason.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../src/shared/ipc/contract';
import { guardArg, isAbsolutePath, isCellId, isPlainObject } from '../../src/shared/ipc/guards';

const HOSTILE: unknown[] = [
  undefined,
  null,
  0,
  -1,
  NaN,
  Infinity,
  '',
  'x'.repeat(100_000),
  [],
  [1, 2],
  () => 1,
  Symbol('s'),
  10n,
  new Date(),
  /x/,
  new Map(),
  { id: '1' },
  { id: 1.5 },
  { id: -3 },
  { id: Number.MAX_SAFE_INTEGER + 2 },
  { id: { valueOf: () => 1 } },
  JSON.parse('{"__proto__": {"id": 1}}'),
  Object.create({ id: 1 }),
  new Proxy(
    {},
    {
      get: () => {
        throw new Error('trap');
      },
      getPrototypeOf: () => {
        throw new Error('trap');
      },
    },
  ),
  {
    get id() {
      throw new Error('getter');
    },
  },
  { paths: ['relative/path'] },
  { paths: ['/ok', 5] },
  { paths: '/x' },
  { paths: [] },
  { paths: ['/a\u0000b'] },
  { reportId: 1, cellId: '../../etc', value: 1, state: 'number', reason: 'r' },
  { reportId: 1, cellId: 't3/new/natural', value: 1, state: 'number', reason: '   ' },
  { reportId: 1, cellId: 't3/new/natural', value: 1e300, state: 'number', reason: 'r' },
  { reportId: 1, cellId: 't3/new/natural', value: null, state: 'number', reason: 'r' },
  { reportId: 1, cellId: 't3/new/natural', value: 3, state: 'dash', reason: 'r' },
  { reportId: 1, cellId: 't3/new/natural', value: 1, state: 'guess', reason: 'r' },
  { ids: [], year: 2020 },
  { ids: [1], year: 1066 },
  { ids: [1] },
  { ids: [1], organ: '\u0007bell' },
  { ids: new Array(10_001).fill(1), year: 2020 },
  { year: '2023' },
  { status: 'deleted' },
  { limit: 0 },
  { limit: 10_000 },
  { offset: -1 },
  { text: 'q'.repeat(500) },
  { jobId: '../../x' },
  { jobId: 5 },
  { kind: 'anything' },
  { path: 'relative.sqlite' },
  { path: '/etc/passwd' },
];

describe('channel guards', () => {
  it('never throw, whatever they are given', () => {
    for (const c of CHANNELS) {
      for (const h of HOSTILE) {
        const r = guardArg(c, h);
        if (!r.ok) expect(r.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('reject every hostile shape for the channels that take ids', () => {
    for (const h of HOSTILE) {
      expect(guardArg('report:get', h).ok, HOSTILE.indexOf(h).toString()).toBe(false);
      expect(guardArg('cell:correct', h).ok).toBe(false);
      expect(guardArg('import:start', h).ok).toBe(false);
      expect(guardArg('report:set-meta', h).ok).toBe(false);
    }
  });

  it('accept well-formed arguments and return only the known fields', () => {
    expect(guardArg('report:get', { id: 7, extra: 'ignored' })).toEqual({ ok: true, value: { id: 7 } });
    expect(guardArg('library:list', { year: 2023, text: '  依申请  ', limit: 50, status: 'graded' })).toEqual({
      ok: true,
      value: { year: 2023, text: '依申请', limit: 50, status: 'graded' },
    });
    expect(guardArg('library:list', undefined)).toEqual({ ok: true, value: {} });
    expect(guardArg('library:list', { text: '   ' })).toEqual({ ok: true, value: {} });
    expect(
      guardArg('cell:correct', { reportId: 1, cellId: 't3/denied.third_party/org_legal', value: 2, state: 'number', reason: ' 原文 ' }),
    ).toEqual({
      ok: true,
      value: { reportId: 1, cellId: 't3/denied.third_party/org_legal', value: 2, state: 'number', reason: '原文' },
    });
    expect(
      guardArg('cell:correct', { reportId: 1, cellId: 't2/admin_fees/amount', value: null, state: 'dash', reason: '原文为“/”' }).ok,
    ).toBe(true);
    expect(guardArg('import:start', { paths: ['/media/usb', 'C:\\报告\\a.doc', '\\\\server\\share'] }).ok).toBe(true);
    expect(guardArg('report:set-meta', { ids: [1, 2], organ: '平潭综合实验区' })).toEqual({
      ok: true,
      value: { ids: [1, 2], organ: '平潭综合实验区' },
    });
    expect(guardArg('db:backup', {})).toEqual({ ok: true, value: {} });
    expect(guardArg('db:backup', { path: '/home/u/备份.sqlite' }).ok).toBe(true);
    expect(guardArg('dialog:open', { kind: 'folder' })).toEqual({ ok: true, value: { kind: 'folder' } });
    expect(guardArg('import:cancel', { jobId: '0f8a1c2e-aaaa-bbbb-cccc-1234567890ab' }).ok).toBe(true);
  });

  it('small predicates', () => {
    expect(isPlainObject({})).toBe(true);
    expect(isPlainObject(Object.create(null))).toBe(true);
    expect(isPlainObject(new Date())).toBe(false);
    expect(isAbsolutePath('relative')).toBe(false);
    expect(isAbsolutePath('/abs')).toBe(true);
    expect(isCellId('t4/review/total')).toBe(true);
    expect(isCellId('t4/review/total; DROP')).toBe(false);
  });
});
