// Grading channels: the assessment of a report, the inspector's decisions, comments and stated facts, checklists, settings.
import type { DecisionRecord, Handlers } from '../../../shared/ipc/contract';
import * as repo from '../../db/index';
import { arg, notFound, type ServiceContext } from './context';

type GradingHandlers = Pick<
  Handlers,
  | 'grade:get'
  | 'grade:decide'
  | 'grade:comment'
  | 'grade:history'
  | 'grade:link-previous'
  | 'grade:set-published'
  | 'checklist:list'
  | 'checklist:get'
  | 'checklist:save'
  | 'checklist:activate'
  | 'settings:get'
  | 'settings:set'
>;

/** Decisions and comments of a report as one history, newest first: who, when, from, to, why. */
function history(ctx: ServiceContext, reportId: number): DecisionRecord[] {
  const out: (DecisionRecord & { seq: string })[] = [];
  const last = new Map<string, number>();
  for (const d of repo.listDecisions(ctx.db, reportId)) {
    out.push({
      kind: 'points',
      itemId: d.itemId,
      from: last.get(d.itemId) ?? d.suggested,
      to: d.points,
      text: d.note,
      by: d.by,
      at: d.at,
      seq: d.at,
    });
    last.set(d.itemId, d.points);
  }
  for (const c of repo.listComments(ctx.db, reportId))
    out.push({ kind: 'comment', itemId: c.itemId, from: null, to: null, text: c.text, by: c.by, at: c.at, seq: c.at });
  return out.sort((a, b) => (a.seq < b.seq ? 1 : a.seq > b.seq ? -1 : 0)).map(({ seq: _seq, ...r }) => r);
}

export function gradingHandlers(ctx: ServiceContext): GradingHandlers {
  const g = ctx.grading;
  const exists = (id: number): number => (repo.getReportRow(ctx.db, id) ? id : notFound(id));
  return {
    'grade:get': async (raw) => g.view(exists(arg('grade:get', raw).reportId)),
    'grade:decide': async (raw) => {
      const a = arg('grade:decide', raw);
      return g.decide(exists(a.reportId), a.itemId, a.points, a.note);
    },
    'grade:comment': async (raw) => {
      const a = arg('grade:comment', raw);
      return g.comment(exists(a.reportId), a.itemId, a.text);
    },
    'grade:history': async (raw) => history(ctx, exists(arg('grade:history', raw).reportId)),
    'grade:link-previous': async (raw) => {
      const a = arg('grade:link-previous', raw);
      return g.linkPrevious(exists(a.reportId), a.previousId);
    },
    'grade:set-published': async (raw) => {
      const a = arg('grade:set-published', raw);
      return g.setPublished(exists(a.reportId), a.date);
    },
    'checklist:list': async (raw) => {
      arg('checklist:list', raw);
      return { active: g.settings().checklist, checklists: g.checklists() };
    },
    'checklist:get': async (raw) => g.checklist(arg('checklist:get', raw).ref),
    'checklist:save': async (raw) => g.saveChecklist(arg('checklist:save', raw).checklist),
    'checklist:activate': async (raw) => ({ active: g.activate(arg('checklist:activate', raw).ref) }),
    'settings:get': async (raw) => {
      arg('settings:get', raw);
      return g.settings();
    },
    'settings:set': async (raw) => g.setSettings(arg('settings:set', raw)),
  };
}
