// The checklist model, the scoring stage and the merge with the inspector's decisions.
import { describe, expect, it } from 'vitest';
import raw from '../../resources/checklists/default.json';
import { CHECK_IDS } from '../../src/shared/checks/catalog';
import type { CheckResult, CheckStatus } from '../../src/shared/checks/types';
import { gradeOf, maxTotal, validateChecklist, type Checklist } from '../../src/shared/grading/checklist';
import { DEFAULT_CHECKLIST } from '../../src/shared/grading/default-checklist';
import { scoreSheet } from '../../src/shared/grading/score';
import { assess, type Decision } from '../../src/shared/grading/assessment';

function checks(over: Record<string, Partial<CheckResult> & { status: CheckStatus }> = {}): CheckResult[] {
  return CHECK_IDS.map(
    (id) => ({ id, status: 'pass', severity: 'E', message: `${id} ok`, cells: [], spans: [], ...over[id] }) as CheckResult,
  );
}

const copy = (): Record<string, unknown> => JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;

describe('the default checklist', () => {
  it('is valid, 100 points, every rule on a catalog check', () => {
    expect(validateChecklist(raw).ok).toBe(true);
    expect(maxTotal(DEFAULT_CHECKLIST)).toBe(100);
    for (const it of DEFAULT_CHECKLIST.items) for (const r of it.rules) expect(CHECK_IDS).toContain(r.check);
  });

  it('bands totals as domain.md §8', () => {
    expect([95, 90, 89.5, 70, 69, 60, 59.5, 0].map((t) => gradeOf(DEFAULT_CHECKLIST, t))).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '合格',
      '合格',
      '不合格',
      '不合格',
    ]);
  });
});

describe('validateChecklist', () => {
  it('refuses a broken checklist with reasons in Chinese', () => {
    const c = copy();
    const items = c['items'] as Record<string, unknown>[];
    items[1]!['id'] = items[0]!['id'];
    (items[2]!['rules'] as unknown[]).push({ check: 'XXX-99', when: ['fail'], deduct: 1 });
    (items[3]!['rules'] as unknown[]).push({ check: 'ARI-01', when: ['uncertain'], deduct: 1 });
    items[4]!['max'] = -3;
    c['bands'] = [{ min: 90, grade: '优秀' }];
    const v = validateChecklist(c);
    expect(v.ok).toBe(false);
    const errors = v.ok ? [] : v.errors.join('\n');
    expect(errors).toContain('重复');
    expect(errors).toContain('XXX-99');
    expect(errors).toContain('存疑');
    expect(errors).toContain('分值');
    expect(errors).toContain('0 分起');
  });

  it('refuses what is not an object at all', () => {
    expect(validateChecklist('[]').ok).toBe(false);
    expect(validateChecklist(null).ok).toBe(false);
  });
});

describe('scoreSheet', () => {
  it('gives full points when every check passes', () => {
    const s = scoreSheet(DEFAULT_CHECKLIST, checks());
    expect(s.suggestedTotal).toBe(100);
    expect(s.grade).toBe('优秀');
    expect(s.checklist).toBe('default@1');
  });

  it('deducts per defect, caps at the item, and setTo limits', () => {
    const s = scoreSheet(
      DEFAULT_CHECKLIST,
      checks({
        'ARI-01': { status: 'fail', count: 5, message: '列勾稽不成立' },
        'MET-01': { status: 'fail', message: '逾期发布' },
        'TPL-02': { status: 'fail', message: '混用' },
      }),
    );
    const item = (id: string) => s.items.find((i) => i.id === id)!;
    expect(item('C1').suggested).toBe(0); // 5 × 2 capped at 6
    expect(item('A1').suggested).toBe(5);
    expect(item('B2').suggested).toBe(3);
    expect(item('C1').reasons[0]).toMatchObject({ check: 'ARI-01', deduct: 10 });
    expect(s.suggestedTotal).toBe(100 - 6 - 5 - 5);
  });

  it('never deducts for uncertain or manual results, but asks the inspector', () => {
    const s = scoreSheet(DEFAULT_CHECKLIST, checks({ 'ARI-01': { status: 'uncertain' }, 'MET-02': { status: 'manual' } }));
    expect(s.suggestedTotal).toBe(100);
    const c1 = s.items.find((i) => i.id === 'C1')!;
    expect(c1.needsInspector).toBe(true);
    expect(c1.reasons.map((r) => r.check)).toEqual(['ARI-01']);
    expect(s.items.find((i) => i.id === 'A2')!.needsInspector).toBe(true);
  });

  it('follows a county checklist with other points and bands', () => {
    const c = copy();
    c['id'] = 'county';
    c['bands'] = [
      { min: 90, grade: '优秀' },
      { min: 80, grade: '良好' },
      { min: 60, grade: '合格' },
      { min: 0, grade: '不合格' },
    ];
    const v = validateChecklist(c);
    expect(v.ok).toBe(true);
    const s = scoreSheet((v as { checklist: Checklist }).checklist, checks({ 'PRV-01': { status: 'fail' }, 'QLT-01': { status: 'fail' } }));
    expect(s.suggestedTotal).toBe(87);
    expect(s.grade).toBe('良好');
    expect(s.checklist).toBe('county@1');
  });
});

describe('assess', () => {
  const sheet = scoreSheet(DEFAULT_CHECKLIST, checks({ 'MET-01': { status: 'fail' } }));
  const decision = (itemId: string, points: number, suggested: number): Decision => ({
    itemId,
    points,
    suggested,
    note: 'x',
    checklist: 'default@1',
    by: '张三',
    at: '2026-02-01T00:00:00Z',
  });
  const band = (t: number) => gradeOf(DEFAULT_CHECKLIST, t);

  it('is ungraded without decisions and uses the suggestions', () => {
    const a = assess(sheet, [], [], band);
    expect(a.state).toBe('ungraded');
    expect(a.total).toBe(95);
  });

  it('lets the latest decision win and totals the inspector points', () => {
    const a = assess(sheet, [decision('A1', 10, 5), decision('A1', 8, 5)], [{ itemId: null, text: '总体较好', by: '张三', at: 'x' }], band);
    expect(a.items.find((i) => i.id === 'A1')!.points).toBe(8);
    expect(a.total).toBe(98);
    expect(a.state).toBe('in-progress');
    expect(a.comment).toBe('总体较好');
  });

  it('flags a decision whose suggestion moved since, without changing its points', () => {
    const a = assess(sheet, [decision('A1', 10, 10)], [], band);
    const item = a.items.find((i) => i.id === 'A1')!;
    expect(item.points).toBe(10);
    expect(item.secondLook).toBe(true);
    expect(a.secondLook).toBe(1);
  });

  it('is graded when every item is decided and none needs a second look', () => {
    const all = sheet.items.map((i) => decision(i.id, i.suggested, i.suggested));
    expect(assess(sheet, all, [], band).state).toBe('graded');
  });
});
