// The checklist shipped with the app (resources/checklists/default.json, domain.md §8), validated once on load.
import raw from '../../../resources/checklists/default.json';
import { validateChecklist, type Checklist } from './checklist';

function load(): Checklist {
  const v = validateChecklist(raw);
  if (!v.ok) throw new Error(`默认评分表有误：${v.errors.join('；')}`);
  return v.checklist;
}

export const DEFAULT_CHECKLIST: Checklist = load();
