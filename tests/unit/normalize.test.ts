// Matching normalisation: traditional → simplified, full-width forms, odd spaces; display text untouched.
import { describe, expect, it } from 'vitest';
import { keyOf, looksTraditional, normalizeText, normalizeWithMap } from '../../src/shared/normalize/text';

describe('normalizeText', () => {
  it('converts traditional script, including over-conversions (F9)', () => {
    const s = '收到和處理政府信息公開申請情況，健全製度，體係，方麵，隻計';
    expect(looksTraditional(s)).toBe(true);
    expect(normalizeText(s)).toBe('收到和处理政府信息公开申请情况,健全制度,体系,方面,只计');
  });

  it('folds full-width digits, brackets and special spaces (F10, F11)', () => {
    expect(normalizeText('（一）\u2002０\u00a0〔2020〕')).toBe('(一) 0 [2020]');
  });

  it('joins labels split by spaces and line wraps (F7, F8)', () => {
    expect(keyOf('不予公 开\n结 果 维 持')).toBe('不予公开结果维持');
  });

  it('never turns footnote marks into digits', () => {
    expect(normalizeText('0①　12¹　⑵')).toBe('0① 12¹ ⑵');
    expect(normalizeWithMap('0①', false).text).toBe('0①');
  });

  it('maps every normalised character back to the printed one', () => {
    const raw = '（一）予以公開　\u2002０件';
    const { text, map } = normalizeWithMap(raw, true);
    expect(text).toBe('(一)予以公开 0件');
    expect([...text].map((_, i) => raw[map[i]!])).toEqual(['（', '一', '）', '予', '以', '公', '開', '　', '０', '件']);
  });

  it('leaves simplified text alone', () => {
    expect(looksTraditional('政府信息公开工作年度报告发布机构')).toBe(false);
  });
});
