// What the grading rests on besides the report: the checklist, the publish date (the document's or the inspector's) and
// last year's report of the same unit (found automatically, linked or unlinked by hand).
import { useState } from 'react';
import type { GradingView, ReportRef } from '../../../../shared/ipc/contract';
import { ErrorText } from '../../components/error-text';
import { UNIT_LEVEL_LABEL } from '../../components/labels';

interface Props {
  view: GradingView;
  linkPrevious: (previousId: number | null | 'auto') => Promise<string | null>;
  setPublished: (date: string | null) => Promise<string | null>;
}

const refText = (r: ReportRef): string => `${r.organ ?? '单位未识别'} · ${r.year ?? '年度未识别'} 年度 · ${r.fileName}`;
const HOW = { auto: '自动匹配', manual: '手动关联', none: '已取消关联' } as const;
const DATE_SOURCE = { document: '取自文档', inspector: '评审人填写', unknown: '文档中没有发布日期' } as const;

function PublishDate({
  view,
  setPublished,
  onError,
}: Pick<Props, 'view' | 'setPublished'> & { onError: (e: string | null) => void }): React.JSX.Element {
  const [editing, setEditing] = useState(false);
  const [date, setDate] = useState(view.publishedAt.date ?? '');
  const save = (d: string | null): void =>
    void setPublished(d).then((err) => {
      onError(err);
      if (!err) setEditing(false);
    });
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    if (date) save(date);
    else onError('请选择发布日期。');
  };
  if (editing)
    return (
      <form className="meta-edit" onSubmit={submit}>
        <input type="date" name="published" value={date} onChange={(e) => setDate(e.target.value)} aria-label="发布日期" />
        <button type="submit" className="primary">
          保存
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          取消
        </button>
      </form>
    );
  return (
    <span data-field="published">
      {view.publishedAt.date ?? '未知'}
      <span className="muted">（{DATE_SOURCE[view.publishedAt.source]}）</span>{' '}
      <button type="button" className="link-button" onClick={() => setEditing(true)}>
        {view.publishedAt.date ? '修改' : '填写'}
      </button>
      {view.publishedAt.source === 'inspector' && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={() => save(null)}>
            改用文档日期
          </button>
        </>
      )}
    </span>
  );
}

function Previous({
  view,
  linkPrevious,
  onError,
}: Pick<Props, 'view' | 'linkPrevious'> & { onError: (e: string | null) => void }): React.JSX.Element {
  const [choice, setChoice] = useState('');
  const { report, how } = view.previous;
  const link = (id: number | null | 'auto'): void => {
    setChoice('');
    void linkPrevious(id).then(onError);
  };
  const others = view.previousCandidates.filter((c) => c.id !== report?.id);
  return (
    <div className="meta-previous">
      <span data-field="previous">
        {report ? refText(report) : '无'}
        <span className="muted">（{HOW[how]}）</span>
      </span>
      <div className="meta-edit">
        {others.length > 0 && (
          <>
            <select value={choice} onChange={(e) => setChoice(e.target.value)} aria-label="选择上年报告">
              <option value="">选择上年报告…</option>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {refText(c)}
                </option>
              ))}
            </select>
            <button type="button" disabled={!choice} onClick={() => link(Number(choice))}>
              关联
            </button>
          </>
        )}
        {report && (
          <button type="button" onClick={() => link(null)}>
            取消关联
          </button>
        )}
        {how !== 'auto' && (
          <button type="button" onClick={() => link('auto')}>
            恢复自动匹配
          </button>
        )}
      </div>
    </div>
  );
}

export function GradingMeta({ view, linkPrevious, setPublished }: Props): React.JSX.Element {
  const [error, setError] = useState<string | null>(null);
  return (
    <details className="grading-meta" open>
      <summary>评分依据</summary>
      <dl>
        <dt>评分表</dt>
        <dd data-field="checklist" title={view.checklist.ref}>
          {view.checklist.name}
        </dd>
        <dt>单位级别</dt>
        <dd>{UNIT_LEVEL_LABEL[view.unitLevel]}</dd>
        <dt>发布日期</dt>
        <dd>
          <PublishDate key={view.publishedAt.date ?? ''} view={view} setPublished={setPublished} onError={setError} />
        </dd>
        <dt>上年报告</dt>
        <dd>
          <Previous view={view} linkPrevious={linkPrevious} onError={setError} />
        </dd>
      </dl>
      <ErrorText message={error} />
    </details>
  );
}
