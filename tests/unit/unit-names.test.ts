// Unit names across years: one comparable form, and which names denote the same unit.
import { describe, expect, it } from 'vitest';
import { normalizeUnitName, sameUnit } from '../../src/shared/checks/unit-names';

describe('normalizeUnitName', () => {
  it.each([
    ['漵浦縣低莊鎮人民政府', '溆浦县低庄镇'],
    ['溆浦县 低庄镇 人民政府', '溆浦县低庄镇'],
    ['勐拉镇人民政府办公室', '勐拉镇'],
    ['勐拉镇党政办公室', '勐拉镇'],
    ['溆浦县人民政府', '溆浦县'],
    ['溆浦县人民政府办公室', '溆浦县政府办公室'],
    ['平潭综合实验区管理委员会', '平潭综合实验区'],
    ['新华街道办事处', '新华街道'],
    ['溆浦县财政局（本级）', '溆浦县财政局'],
    ['', ''],
  ])('%s → %s', (name, key) => expect(normalizeUnitName(name)).toBe(key));

  it('accepts null', () => expect(normalizeUnitName(null)).toBe(''));
});

describe('sameUnit', () => {
  it('matches script, spacing, 人民政府 and a missing place prefix', () => {
    expect(sameUnit('漵浦縣低莊鎮人民政府', '溆浦县低庄镇人民政府')).toBe(true);
    expect(sameUnit('低庄镇人民政府', '溆浦县低庄镇人民政府')).toBe(true);
    expect(sameUnit('勐拉镇', '勐拉镇人民政府')).toBe(true);
    expect(sameUnit('平潭综合实验区', '平潭综合实验区管委会')).toBe(true);
    expect(sameUnit('财政局', '溆浦县财政局')).toBe(true);
  });

  it('keeps a county government apart from its office, and different places apart', () => {
    expect(sameUnit('溆浦县人民政府', '溆浦县人民政府办公室')).toBe(false);
    expect(sameUnit('祁东县财政局', '溆浦县财政局')).toBe(false);
    expect(sameUnit('低庄镇人民政府', '龙潭镇人民政府')).toBe(false);
    expect(sameUnit('溆浦县低庄镇', '低庄')).toBe(false);
    expect(sameUnit('', '低庄镇')).toBe(false);
    expect(sameUnit('局', '溆浦县局')).toBe(false);
  });
});
