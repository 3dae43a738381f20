// Editing a checklist as a draft: a county's copy of the default, immutable updates of items, rules, groups and bands.
import type { Checklist, ChecklistItem, DeductionRule, GradeBand } from '../../../../shared/grading/checklist';

/** A county's own copy: a new id (so it never shadows the shipped sheet), version 1, the rest as it was. */
export function countyCopy(from: Checklist, existingIds: readonly string[]): Checklist {
  let id = 'county';
  for (let n = 2; existingIds.includes(id); n++) id = `county-${n}`;
  const name = from.name.startsWith('默认') ? `本县${from.name.slice(2)}` : `本县 · ${from.name}`;
  return { ...structuredClone(from), id, version: 1, name };
}

/** The next version of a county's checklist: what graded earlier reports stays as it was. */
export function nextVersion(c: Checklist): Checklist {
  return { ...structuredClone(c), version: c.version + 1 };
}

export const total = (c: Checklist): number => c.items.reduce((s, i) => s + (Number.isFinite(i.max) ? i.max : 0), 0);

export function setItem(c: Checklist, index: number, patch: Partial<ChecklistItem>): Checklist {
  return { ...c, items: c.items.map((it, i) => (i === index ? { ...it, ...patch } : it)) };
}

export function addItem(c: Checklist): Checklist {
  const group = c.groups[c.groups.length - 1]?.id ?? 'A';
  const n = c.items.filter((i) => i.group === group).length + 1;
  return { ...c, items: [...c.items, { id: `${group}${n}`, group, title: '新评分项', max: 1, guide: '', rules: [] }] };
}

export function removeItem(c: Checklist, index: number): Checklist {
  return { ...c, items: c.items.filter((_, i) => i !== index) };
}

export function setRule(item: ChecklistItem, index: number, rule: DeductionRule): ChecklistItem {
  return { ...item, rules: item.rules.map((r, i) => (i === index ? rule : r)) };
}

export function addRule(item: ChecklistItem): ChecklistItem {
  return { ...item, rules: [...item.rules, { check: 'ARI-01', when: ['fail'], deduct: 1 }] };
}

export function removeRule(item: ChecklistItem, index: number): ChecklistItem {
  return { ...item, rules: item.rules.filter((_, i) => i !== index) };
}

export function setBand(c: Checklist, index: number, band: GradeBand): Checklist {
  return { ...c, bands: c.bands.map((b, i) => (i === index ? band : b)) };
}

export function setGroupTitle(c: Checklist, id: string, title: string): Checklist {
  return { ...c, groups: c.groups.map((g) => (g.id === id ? { ...g, title } : g)) };
}

/** A typed number: empty leaves the field out (deduct, setTo are optional). */
export function optionalNumber(s: string): number | undefined {
  return s.trim() === '' ? undefined : Number(s);
}
