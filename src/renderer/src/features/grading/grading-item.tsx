// One checklist item: maximum, suggestion, the inspector's points and state, the reasons, and confirm / set points / comment.
import { memo } from 'react';
import type { AssessedItem } from '../../../../shared/grading/assessment';
import { CommentEditor } from './comment-editor';
import { pts, type PickEvidence } from './evidence';
import { PointsEditor } from './points-editor';
import { ReasonList } from './reason-list';

export type ItemMode = 'view' | 'points' | 'comment';

interface Props {
  item: AssessedItem;
  /** The checklist the assessment uses now (id@version): a decision made on another one is looked at again. */
  sheet: string;
  current: boolean;
  mode: ItemMode;
  active: string | null;
  onFocus: (id: string) => void;
  onMode: (id: string, mode: ItemMode) => void;
  onPick: PickEvidence;
  decide: (itemId: string, points: number, note?: string) => Promise<string | null>;
  comment: (itemId: string | null, text: string) => Promise<string | null>;
}

function state(item: AssessedItem): { key: string; label: string } {
  if (item.secondLook) return { key: 'second-look', label: '需复核' };
  if (item.confirmed) return item.points === item.suggested ? { key: 'confirmed', label: '已确认' } : { key: 'changed', label: '已改分' };
  return { key: 'open', label: '未确认' };
}

function SecondLook({ item, sheet }: { item: AssessedItem; sheet: string }): React.JSX.Element | null {
  const d = item.decision;
  if (!item.secondLook || !d) return null;
  if (d.suggested === item.suggested && d.checklist !== sheet)
    return (
      <p className="second-look" role="note">
        评分表已更换（{d.checklist} → {sheet}），请复核：已定 {pts(d.points)} 分，现建议 <strong>{pts(item.suggested)}</strong> 分
      </p>
    );
  return (
    <p className="second-look" role="note">
      建议分已变化，请复核：原建议 <s>{pts(d.suggested)}</s> 分 → 现建议 <strong>{pts(item.suggested)}</strong> 分；已定 {pts(d.points)} 分
    </p>
  );
}

function GradingItemView({ item, sheet, current, mode, active, onFocus, onMode, onPick, decide, comment }: Props): React.JSX.Element {
  const st = state(item);
  const confirm = (): void => void decide(item.id, item.suggested);
  const savePoints = async (p: number, note: string): Promise<string | null> => {
    const err = await decide(item.id, p, note || undefined);
    if (!err) onMode(item.id, 'view');
    return err;
  };
  return (
    <li
      className={`grade-item grade-item--${st.key}${current ? ' grade-item--current' : ''}`}
      data-item-id={item.id}
      tabIndex={current ? 0 : -1}
      aria-current={current ? 'true' : undefined}
      onFocus={(e) => e.target === e.currentTarget && onFocus(item.id)}
      onClick={() => !current && onFocus(item.id)}
    >
      <div className="grade-item-head">
        <span className="grade-item-id">{item.id}</span>
        <span className="grade-item-title">{item.title}</span>
        <span className="grade-points" title="得分 / 满分">
          <strong data-field="points">{pts(item.points)}</strong>/{pts(item.max)}
        </span>
        <span className="grade-suggest" data-field="suggested">
          建议 {pts(item.suggested)}
        </span>
        <span className={`grade-state grade-state--${st.key}`}>{st.label}</span>
      </div>
      <SecondLook item={item} sheet={sheet} />
      {current && item.guide && <p className="grade-guide">{item.guide}</p>}
      <ReasonList itemId={item.id} reasons={item.reasons} active={active} onPick={onPick} />
      {item.reasons.length === 0 && item.reason && <p className="grade-item-reason muted">{item.reason}</p>}
      {item.decision?.note && <p className="grade-note">理由：{item.decision.note}</p>}
      {item.comment && mode !== 'comment' && <p className="grade-comment">评语：{item.comment}</p>}
      {mode === 'points' ? (
        <PointsEditor
          max={item.max}
          suggested={item.suggested}
          initial={item.points}
          initialNote={item.decision?.note ?? ''}
          onSave={savePoints}
          onCancel={() => onMode(item.id, 'view')}
        />
      ) : mode === 'comment' ? (
        <CommentEditor
          label="评语"
          initial={item.comment ?? ''}
          onSave={(t) => comment(item.id, t)}
          onClose={() => onMode(item.id, 'view')}
        />
      ) : (
        <div className="grade-actions">
          <button type="button" className={item.confirmed && !item.secondLook ? '' : 'primary'} onClick={confirm}>
            {item.secondLook ? `采用现建议 ${pts(item.suggested)} 分` : '确认建议分'}
            {current ? '（c）' : ''}
          </button>
          <button type="button" onClick={() => onMode(item.id, 'points')}>
            {item.secondLook ? '改分或保持原分' : '改分'}
            {current ? '（e）' : ''}
          </button>
          <button type="button" className="link-button" onClick={() => onMode(item.id, 'comment')}>
            {item.comment ? '修改评语' : '写评语'}
          </button>
        </div>
      )}
    </li>
  );
}

export const GradingItem = memo(GradingItemView);
