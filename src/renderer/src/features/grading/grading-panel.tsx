// The grading panel (评分) beside source and tables: total and grade as they stand, what the grading rests on, the
// checklist's items by group with their reasons and the inspector's decisions, the overall comment; and all 59 checks.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AssessedItem } from '../../../../shared/grading/assessment';
import { GRADING_STATE_LABEL } from '../../../../shared/grading/assessment';
import { ErrorText } from '../../components/error-text';
import { ChecksOverview } from './checks-overview';
import { CommentEditor } from './comment-editor';
import type { PickEvidence } from './evidence';
import { pts } from './evidence';
import { GradingItem, type ItemMode } from './grading-item';
import { GradingMeta } from './grading-meta';
import type { Grading } from './use-grading';
import { useGradingKeys } from './use-grading-keys';
import { useGroupTitles } from './use-group-titles';

interface Props {
  grading: Grading;
  active: string | null;
  onPick: PickEvidence;
  /** The item to show first (a conflict opened from the 冲突 list). */
  focus?: string;
}

function Summary({ grading }: { grading: Grading }): React.JSX.Element | null {
  const a = grading.view?.assessment;
  if (!a) return null;
  return (
    <div className={`grading-summary grading-summary--${a.state}`} aria-live="polite">
      <span className="grading-total">
        <strong data-field="total">{pts(a.total)}</strong> / {pts(a.max)} 分
      </span>
      <span className="grading-grade" data-field="grade">
        {a.grade}
      </span>
      <span className={`grading-state grading-state--${a.state}`}>{GRADING_STATE_LABEL[a.state]}</span>
      <span className="muted">
        已确认 {a.confirmed}/{a.items.length}
        {a.secondLook > 0 ? ` · ` : ''}
        {a.secondLook > 0 && <span className="second-look-count">{a.secondLook} 项需复核</span>}
      </span>
    </div>
  );
}

function groupsOf(items: AssessedItem[]): { id: string; items: AssessedItem[] }[] {
  const out: { id: string; items: AssessedItem[] }[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last?.id === it.group) last.items.push(it);
    else out.push({ id: it.group, items: [it] });
  }
  return out;
}

export function GradingPanel({ grading, active, onPick, focus }: Props): React.JSX.Element {
  const { view, error, decide, comment } = grading;
  const [tab, setTab] = useState<'sheet' | 'checks'>('sheet');
  const [current, setCurrent] = useState<string | null>(null);
  const [mode, setMode] = useState<{ id: string; mode: ItemMode } | null>(null);
  const items = useMemo(() => view?.assessment.items ?? [], [view]);
  const titles = useGroupTitles(view?.checklist.ref ?? null);
  // The current item, or the first one (also when a changed checklist no longer has the item that was current).
  const cur = current !== null && items.some((x) => x.id === current) ? current : (items[0]?.id ?? null);

  const focusItem = useCallback((id: string) => {
    setCurrent(id);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.grading-panel [data-item-id="${id}"]`)?.focus());
  }, []);
  const onMode = useCallback(
    (id: string, m: ItemMode) => {
      setMode(m === 'view' ? null : { id, mode: m });
      setCurrent(id);
      if (m === 'view') focusItem(id);
    },
    [focusItem],
  );
  useEffect(() => setMode(null), [view?.reportId]);
  // Once the items are there, the asked-for item becomes current and is scrolled into view.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!focus || focused.current === focus || !items.some((x) => x.id === focus)) return;
    focused.current = focus;
    setTab('sheet');
    focusItem(focus);
  }, [focus, items, focusItem]);

  useGradingKeys({
    move: (d) => {
      setTab('sheet');
      const i = items.findIndex((x) => x.id === cur);
      const next = items[Math.min(items.length - 1, Math.max(0, i + d))];
      if (next) focusItem(next.id);
    },
    // Confirming moves on to the next item: going down the sheet pressing c is the common case.
    confirm: () => {
      const i = items.findIndex((x) => x.id === cur);
      const it = items[i];
      if (!it || tab !== 'sheet') return;
      void decide(it.id, it.suggested);
      const next = items[i + 1];
      if (next) focusItem(next.id);
    },
    edit: () => cur && tab === 'sheet' && onMode(cur, 'points'),
  });

  return (
    <aside className="grading-panel" aria-label="评分">
      <div className="grading-head">
        <div className="grading-tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'sheet'}
            className={tab === 'sheet' ? 'tab--active' : ''}
            onClick={() => setTab('sheet')}
          >
            评分表
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'checks'}
            className={tab === 'checks' ? 'tab--active' : ''}
            onClick={() => setTab('checks')}
          >
            全部检查（{view?.checks.length ?? 0}）
          </button>
        </div>
        <Summary grading={grading} />
      </div>
      <div className="grading-scroll">
        <ErrorText message={error} />
        {!view && !error && <p className="muted">正在计算评分…</p>}
        {view && tab === 'checks' && <ChecksOverview checks={view.checks} active={active} onPick={onPick} />}
        {view && tab === 'sheet' && (
          <>
            <GradingMeta view={view} linkPrevious={grading.linkPrevious} setPublished={grading.setPublished} />
            {groupsOf(items).map((g) => (
              <section key={g.id} className="grade-group" aria-label={titles.get(g.id) ?? g.id}>
                <h4>
                  {g.id} {titles.get(g.id) ?? ''}
                  <span className="muted">
                    {' '}
                    {pts(g.items.reduce((s, i) => s + i.points, 0))} / {pts(g.items.reduce((s, i) => s + i.max, 0))}
                  </span>
                </h4>
                <ol className="grade-items">
                  {g.items.map((it) => (
                    <GradingItem
                      key={it.id}
                      item={it}
                      sheet={view.assessment.checklist}
                      current={it.id === cur}
                      mode={mode?.id === it.id ? mode.mode : 'view'}
                      active={active}
                      onFocus={setCurrent}
                      onMode={onMode}
                      onPick={onPick}
                      decide={decide}
                      comment={comment}
                    />
                  ))}
                </ol>
              </section>
            ))}
            <section className="overall-comment">
              <CommentEditor
                key={view.assessment.comment ?? ''}
                label="总评"
                initial={view.assessment.comment ?? ''}
                onSave={(t) => comment(null, t)}
              />
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
