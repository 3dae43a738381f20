// Grading behind the channels: the effective model (parsed cells + corrections), last year's report and the peers
// found in the library, the active checklist and settings → checks → suggested sheet → merged with the inspector's
// decisions. Everything derived is computed here on demand; only decisions, comments and stated facts are stored.
import type { ReportModel } from '../../shared/model/report';
import type { UnitLevel } from '../../shared/checks/types';
import { DEFAULT_SETTINGS } from '../../shared/checks/types';
import { inferLevel } from '../../shared/checks/context';
import { normalizeUnitName, sameUnit } from '../../shared/checks/unit-names';
import { checklistRef, gradeOf, validateChecklist, type Checklist } from '../../shared/grading/checklist';
import { DEFAULT_CHECKLIST } from '../../shared/grading/default-checklist';
import { assess, type Assessment } from '../../shared/grading/assessment';
import { grade, type Graded } from '../../shared/grading/index';
import type { ChecklistInfo, GradingView, ReportRef, Settings } from '../../shared/ipc/contract';
import * as repo from '../db/index';
import type { Db } from '../db/index';
import { ServiceError } from './errors';

/** Bumped when the checks or the scoring change, so cached totals are recomputed. */
export const ENGINE_VERSION = 1;

const LEVELS: readonly UnitLevel[] = ['township', 'street', 'county_dept', 'county_gov', 'other'];

interface CachedModel {
  key: string;
  model: ReportModel;
}

export interface GradingResult {
  graded: Graded;
  assessment: Assessment;
  checklist: Checklist;
  previous: GradingView['previous'];
  publishedAt: GradingView['publishedAt'];
  unitLevel: UnitLevel;
}

export class GradingService {
  /** Effective models by report id, valid while the parse and the corrections are unchanged. */
  private readonly models = new Map<number, CachedModel>();
  /** The parsed models of one year's reports (the peers), valid while that year's reports are unchanged. */
  private readonly years = new Map<number, { key: string; models: Map<number, ReportModel> }>();
  private readonly yearRefs = new Map<number, { key: string; refs: ReportRef[] }>();
  /** Year versions read during the current grading (null outside one). */
  private versions: Map<number, string> | null = null;

  constructor(
    private readonly db: Db,
    private readonly inspector: () => string,
  ) {}

  // ---- settings and checklists ----

  settings(): Settings {
    const stored = repo.getSetting(this.db, 'deadlines');
    let deadlines = { ...DEFAULT_SETTINGS.deadlines };
    if (stored) deadlines = { ...deadlines, ...(JSON.parse(stored) as Partial<Settings['deadlines']>) };
    return {
      deadlines,
      checklist: repo.getSetting(this.db, 'checklist') ?? checklistRef(DEFAULT_CHECKLIST),
      inspector: repo.getSetting(this.db, 'inspector') ?? this.inspector(),
    };
  }

  setSettings(s: Partial<Settings>): Settings {
    if (s.deadlines) {
      for (const [level, d] of Object.entries(s.deadlines)) {
        if (!LEVELS.includes(level as UnitLevel) || !/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(d))
          throw new ServiceError('invalid-input', `截止日期须写成“月-日”（如 01-31）：${level} ${d}`);
      }
      repo.setSetting(this.db, 'deadlines', JSON.stringify({ ...this.settings().deadlines, ...s.deadlines }));
    }
    if (s.checklist !== undefined) this.activate(s.checklist);
    if (s.inspector !== undefined) {
      const name = s.inspector.trim();
      if (!name || name.length > 40) throw new ServiceError('invalid-input', '评审人姓名须为 1–40 个字符。');
      repo.setSetting(this.db, 'inspector', name);
    }
    return this.settings();
  }

  /** Who decisions are signed with: the name set in the app, else the system's. */
  signer(): string {
    return repo.getSetting(this.db, 'inspector') ?? this.inspector();
  }

  checklists(): ChecklistInfo[] {
    const d = DEFAULT_CHECKLIST;
    return [
      { ref: checklistRef(d), id: d.id, version: d.version, name: d.name, builtin: true },
      ...repo.listStoredChecklists(this.db).map((c) => ({
        ref: `${c.key}@${c.version}`,
        id: c.key,
        version: c.version,
        name: c.name,
        builtin: false,
      })),
    ];
  }

  checklist(ref: string): Checklist {
    if (ref === checklistRef(DEFAULT_CHECKLIST)) return DEFAULT_CHECKLIST;
    const m = /^(.+)@(\d+)$/.exec(ref);
    const stored = m ? repo.getStoredChecklist(this.db, m[1]!, Number(m[2])) : undefined;
    if (!stored) throw new ServiceError('not-found', `找不到评分表 ${ref}。`);
    const v = validateChecklist(JSON.parse(stored.json));
    if (!v.ok) throw new ServiceError('invalid-input', `评分表 ${ref} 有误：${v.errors.join('；')}`);
    return v.checklist;
  }

  activeChecklist(): Checklist {
    try {
      return this.checklist(this.settings().checklist);
    } catch {
      return DEFAULT_CHECKLIST;
    }
  }

  /** Stores a county's checklist as a new version (never over an existing one) and makes it active. */
  saveChecklist(raw: unknown): ChecklistInfo {
    const v = validateChecklist(raw);
    if (!v.ok) throw new ServiceError('invalid-input', `评分表有误，未保存：${v.errors.join('；')}`);
    const c = v.checklist;
    if (c.id === DEFAULT_CHECKLIST.id) throw new ServiceError('invalid-input', '内置评分表不能覆盖，请给本县评分表另起一个标识（id）。');
    if (repo.getStoredChecklist(this.db, c.id, c.version))
      throw new ServiceError('invalid-input', `评分表 ${checklistRef(c)} 已存在；修改后请把版本号加 1 再保存。`);
    repo.insertChecklist(this.db, { key: c.id, version: c.version, name: c.name, json: JSON.stringify(c) });
    this.activate(checklistRef(c));
    return { ref: checklistRef(c), id: c.id, version: c.version, name: c.name, builtin: false };
  }

  activate(ref: string): string {
    this.checklist(ref); // refuses an unknown or broken one
    repo.setSetting(this.db, 'checklist', ref);
    return ref;
  }

  // ---- the report and what it is compared with ----

  /** The model with the inspector's corrections applied to its cells: what the checks run on. */
  effectiveModel(id: number): ReportModel {
    const row = repo.getReportRow(this.db, id);
    if (!row) throw new ServiceError('not-found', `找不到编号为 ${id} 的报告（可能已被删除）。`);
    const corrections = repo.currentCorrections(this.db, id);
    const key = `${row.parsedAt}|${[...corrections.values()].reduce((m, c) => Math.max(m, c.id), 0)}|${row.organ}|${row.year}`;
    const hit = this.models.get(id);
    if (hit?.key === key) return hit.model;
    // Without corrections the effective model is the parsed one: share the year's copy (and its cached fingerprint).
    const shared = corrections.size === 0 && row.year !== null ? this.yearModels(row.year).get(id) : undefined;
    if (shared) return shared;
    const model = repo.getReportModel(this.db, id);
    if (!model) throw new ServiceError('not-found', `找不到编号为 ${id} 的报告。`);
    // The library's unit and year win: the inspector may have corrected them.
    model.organ = row.organ ?? model.organ;
    model.year = row.year ?? model.year;
    for (const [cellId, c] of corrections) {
      const parsed = model.cells[cellId];
      model.cells[cellId] = {
        value: c.value,
        state: c.state,
        raw: c.value === null ? null : String(c.value),
        source: parsed?.source ?? null,
        note: `评审人更正：${c.reason}`,
      };
    }
    if (this.models.size > 64) this.models.delete(this.models.keys().next().value as number);
    this.models.set(id, { key, model });
    return model;
  }

  private ref(id: number): ReportRef | null {
    const r = repo.getReportRow(this.db, id);
    return r ? { id: r.id, organ: r.organ, year: r.year, fileName: r.fileName } : null;
  }

  /** A year's reports (id, unit, file), read once while the year's reports are unchanged. */
  private reportsOfYear(year: number): ReportRef[] {
    const key = this.yearVersion(year);
    const hit = this.yearRefs.get(year);
    if (hit?.key === key) return hit.refs;
    const refs = repo.reportsOfYear(this.db, year);
    if (this.yearRefs.size >= 4) this.yearRefs.delete(this.yearRefs.keys().next().value as number);
    this.yearRefs.set(year, { key, refs });
    return refs;
  }

  /** Other files of the same report: the same unit (names normalised) and year. */
  sameAs(id: number): number[] {
    const row = repo.getReportRow(this.db, id);
    if (!row?.organ || row.year === null) return [];
    return this.reportsOfYear(row.year)
      .filter((r) => r.id !== id && r.organ !== null && sameUnit(r.organ, row.organ!))
      .map((r) => r.id);
  }

  previousCandidates(id: number): ReportRef[] {
    const row = repo.getReportRow(this.db, id);
    if (!row || row.year === null) return [];
    return this.reportsOfYear(row.year - 1);
  }

  /** Last year's report: the inspector's link, or the same unit's report of the year before (the one imported first). */
  previous(id: number): GradingView['previous'] {
    const stated = repo.currentFact(this.db, id, 'previous');
    if (stated === 'none') return { report: null, how: 'none' };
    if (stated) {
      const linked = this.ref(Number(stated));
      if (linked) return { report: linked, how: 'manual' };
    }
    const row = repo.getReportRow(this.db, id);
    if (!row?.organ || row.year === null) return { report: null, how: 'auto' };
    const found = this.reportsOfYear(row.year - 1).find((r) => r.organ !== null && sameUnit(r.organ, row.organ!));
    return { report: found ?? null, how: 'auto' };
  }

  /**
   * Every report of a year as parsed, loaded once and kept while the year's reports are unchanged: grading a
   * whole year compares each report with all the others, and their fingerprints are cached by model object.
   */
  private yearModels(year: number): Map<number, ReportModel> {
    const key = this.yearVersion(year);
    const hit = this.years.get(year);
    if (hit?.key === key) return hit.models;
    const models = new Map<number, ReportModel>();
    for (const r of repo.reportsOfYear(this.db, year)) {
      const m = repo.getReportModel(this.db, r.id);
      if (m) models.set(r.id, { ...m, organ: r.organ ?? m.organ, year });
    }
    if (this.years.size >= 2) this.years.delete(this.years.keys().next().value as number);
    this.years.set(year, { key, models });
    return models;
  }

  /** Other units' reports of the same year (one file per report: the other files of a report are not its peers). */
  peers(id: number): ReportModel[] {
    const row = repo.getReportRow(this.db, id);
    if (!row || row.year === null) return [];
    const seen = new Set<string>(row.organ ? [normalizeUnitName(row.organ)] : []);
    const out: ReportModel[] = [];
    for (const [peerId, m] of this.yearModels(row.year)) {
      const unit = m.organ ? normalizeUnitName(m.organ) : null;
      if (peerId === id || (unit !== null && seen.has(unit))) continue;
      if (unit !== null) seen.add(unit);
      out.push(m);
    }
    return out;
  }

  publishedAt(id: number, model: ReportModel): GradingView['publishedAt'] {
    const stated = repo.currentFact(this.db, id, 'published');
    if (stated) return { date: stated, source: 'inspector' };
    return model.publishedAt ? { date: model.publishedAt, source: 'document' } : { date: null, source: 'unknown' };
  }

  // ---- grading ----

  /** A year's version, asked once per grading: one grading asks it for its year and the year before several times. */
  private yearVersion(year: number): string {
    let v = this.versions?.get(year);
    if (v === undefined) {
      v = repo.yearVersion(this.db, year);
      this.versions?.set(year, v);
    }
    return v;
  }

  /** Runs one grading with year versions read once (nothing it does changes them). */
  private once<T>(fn: () => T): T {
    if (this.versions) return fn();
    this.versions = new Map();
    try {
      return fn();
    } finally {
      this.versions = null;
    }
  }

  grade(id: number): GradingResult {
    return this.once(() => this.gradeNow(id));
  }

  private gradeNow(id: number): GradingResult {
    const report = this.effectiveModel(id);
    const previous = this.previous(id);
    const publishedAt = this.publishedAt(id, report);
    const unitLevel = repo.unitLevelOf(this.db, id) ?? inferLevel(report.organ);
    const checklist = this.activeChecklist();
    const settings = this.settings();
    const graded = grade(
      {
        report: publishedAt.source === 'inspector' ? { ...report, publishedAt: null } : report,
        previous: previous.report ? this.effectiveModel(previous.report.id) : null,
        peers: this.peers(id),
        receivedAt: publishedAt.source === 'inspector' ? publishedAt.date : null,
        unitLevel,
        settings: { deadlines: settings.deadlines },
      },
      checklist,
    );
    const assessment = assess(graded.sheet, repo.listDecisions(this.db, id), repo.listComments(this.db, id), (t) => gradeOf(checklist, t));
    repo.putGradingCache(this.db, id, {
      inputs: this.inputsKey(id, previous.report?.id ?? null, checklist, settings),
      state: assessment.state,
      total: assessment.total,
      grade: assessment.grade,
      secondLook: assessment.secondLook,
    });
    return { graded, assessment, checklist, previous, publishedAt, unitLevel };
  }

  private inputsKey(id: number, previousId: number | null, checklist: Checklist, settings: Settings): string {
    return `${ENGINE_VERSION}|${checklistRef(checklist)}|${JSON.stringify(settings.deadlines)}|${repo.gradingInputs(this.db, id, previousId)}`;
  }

  /** The library's line for a report: the cached totals while their inputs are unchanged, else graded now. */
  summary(id: number): { state: Assessment['state']; total: number; grade: string; secondLook: number } {
    return this.once(() => this.summaryNow(id));
  }

  private summaryNow(id: number): { state: Assessment['state']; total: number; grade: string; secondLook: number } {
    const cached = repo.getGradingCache(this.db, id);
    if (cached) {
      const key = this.inputsKey(id, this.previous(id).report?.id ?? null, this.activeChecklist(), this.settings());
      if (cached.inputs === key) return cached;
    }
    const a = this.grade(id).assessment;
    return { state: a.state, total: a.total, grade: a.grade, secondLook: a.secondLook };
  }

  view(id: number): GradingView {
    const g = this.grade(id);
    return {
      reportId: id,
      assessment: g.assessment,
      checks: g.graded.checks,
      checklist: { ref: checklistRef(g.checklist), name: g.checklist.name },
      previous: g.previous,
      previousCandidates: this.previousCandidates(id),
      publishedAt: g.publishedAt,
      unitLevel: g.unitLevel,
    };
  }

  decide(id: number, itemId: string, points: number, note: string | undefined): GradingView {
    const g = this.grade(id);
    const item = g.assessment.items.find((i) => i.id === itemId);
    if (!item) throw new ServiceError('invalid-input', `评分表中没有评分项 ${itemId}。`);
    if (!(points >= 0 && points <= item.max && Math.round(points * 2) === points * 2))
      throw new ServiceError('invalid-input', `得分须在 0 到 ${item.max} 之间，以 0.5 分为单位。`);
    const text = (note ?? '').trim();
    if (Math.abs(points - item.suggested) > 1e-9 && !text)
      throw new ServiceError('invalid-input', `得分（${points}）与建议分（${item.suggested}）不同，请写明理由。`);
    repo.addDecision(this.db, {
      reportId: id,
      itemId,
      points,
      suggested: item.suggested,
      note: text,
      checklist: checklistRef(g.checklist),
      by: this.signer(),
    });
    return this.view(id);
  }

  comment(id: number, itemId: string | null, text: string): GradingView {
    if (itemId !== null && !this.activeChecklist().items.some((i) => i.id === itemId))
      throw new ServiceError('invalid-input', `评分表中没有评分项 ${itemId}。`);
    repo.addComment(this.db, { reportId: id, itemId, text: text.trim(), by: this.signer() });
    return this.view(id);
  }

  linkPrevious(id: number, previousId: number | null | 'auto'): GradingView {
    if (typeof previousId === 'number') {
      if (previousId === id) throw new ServiceError('invalid-input', '不能把报告链接为它自己的上年报告。');
      if (!this.ref(previousId)) throw new ServiceError('not-found', `找不到编号为 ${previousId} 的报告。`);
    }
    const value = previousId === 'auto' ? null : previousId === null ? 'none' : String(previousId);
    repo.addFact(this.db, { reportId: id, kind: 'previous', value, by: this.signer() });
    return this.view(id);
  }

  setPublished(id: number, date: string | null): GradingView {
    if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new ServiceError('invalid-input', '发布日期须写成 YYYY-MM-DD。');
    repo.addFact(this.db, { reportId: id, kind: 'published', value: date, by: this.signer() });
    return this.view(id);
  }
}
