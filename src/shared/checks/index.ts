// The check stage: every check of the catalog (domain.md §6) on one report, in catalog order, each id exactly once.
import { CHECK_IDS } from './catalog';
import { arithmeticChecks } from './arithmetic';
import { buildContext } from './context';
import { crossChecks } from './cross';
import { metadataChecks } from './metadata';
import { privacyChecks } from './privacy';
import { qualityChecks } from './quality';
import { structureChecks } from './structure';
import { templateChecks } from './template';
import type { CheckResult, EvalInput } from './types';

const FAMILIES = [structureChecks, templateChecks, arithmeticChecks, crossChecks, metadataChecks, qualityChecks, privacyChecks];

export function evaluate(input: EvalInput): CheckResult[] {
  const ctx = buildContext(input);
  const byId = new Map<string, CheckResult>();
  for (const family of FAMILIES) for (const r of family(ctx)) byId.set(r.id, r);
  return CHECK_IDS.map((id) => {
    const r = byId.get(id);
    if (!r) throw new Error(`check ${id} produced no result`);
    return r;
  });
}

export type { CheckResult, EvalInput } from './types';
