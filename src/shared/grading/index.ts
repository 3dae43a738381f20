// Report → checks → suggested sheet: the two pure stages composed, as the command line and the services use them.
import { evaluate } from '../checks/index';
import type { CheckResult, EvalInput } from '../checks/types';
import type { Checklist } from './checklist';
import { scoreSheet, type Sheet } from './score';

export interface Graded {
  checks: CheckResult[];
  sheet: Sheet;
}

export function grade(input: EvalInput, checklist: Checklist): Graded {
  const checks = evaluate(input);
  return { checks, sheet: scoreSheet(checklist, checks) };
}
