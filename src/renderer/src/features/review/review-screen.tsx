// The review screen: the source on the left, tables 二/三/四, sections and checks on the right; a clicked cell is highlighted in the source.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellView, ReportDetail, SourceView } from '../../../../shared/ipc/contract';
import { ErrorText } from '../../components/error-text';
import { TEMPLATE_LABEL } from '../../components/labels';
import { CellPanel } from './cell-panel';
import { ChecksList } from './checks-list';
import { HtmlView } from './html-view';
import { PdfView, pdfWorker } from './pdf-view';
import { TableFour, TableThree, TableTwo } from './report-tables';
import { SectionText, SectionsBar } from './sections-bar';
import type { SourceTarget } from './source-target';
import { layoutFor, nextUncertain } from './table-layout';
import { useReport } from './use-report';
import { useReviewKeys } from './use-review-keys';

interface Props {
  id: number;
  ids: number[];
  onNavigate: (id: number) => void;
  onBack: () => void;
  onChanged: () => void;
}

export function ReviewScreen(props: Props): React.JSX.Element {
  // Warm pdf.js up while the report loads.
  useEffect(() => void pdfWorker(), []);
  // A fresh body per report: selection, editor and highlight never leak from one report to the next.
  return <ReviewBody key={props.id} {...props} />;
}

function Legend(): React.JSX.Element {
  const items: [string, string][] = [
    ['number', '数值'],
    ['blank', '空白'],
    ['dash', '无（—）'],
    ['ambiguous', '存疑'],
    ['missing', '未找到'],
    ['corrected', '已更正'],
  ];
  return (
    <div className="legend" aria-label="图例">
      {items.map(([k, label]) => (
        <span key={k} className={`legend-item cell--${k}`}>
          {label}
        </span>
      ))}
    </div>
  );
}

function Source({
  source,
  error,
  target,
  onLocate,
}: {
  source: SourceView | null;
  error: string | null;
  target: SourceTarget | null;
  onLocate: (f: boolean) => void;
}): React.JSX.Element {
  if (error) return <ErrorText message={error} />;
  if (!source) return <p className="muted pad">正在加载原文…</p>;
  if (source.format === 'pdf') return <PdfView base64={source.base64} target={target} onLocate={onLocate} />;
  return <HtmlView html={source.html} target={target} onLocate={onLocate} />;
}

function Header({
  detail,
  index,
  total,
  onBack,
  onMove,
  onNextUncertain,
}: {
  detail: ReportDetail | null;
  index: number;
  total: number;
  onBack: () => void;
  onMove: (d: 1 | -1) => void;
  onNextUncertain: () => void;
}): React.JSX.Element {
  const s = detail?.summary;
  return (
    <header className="review-head">
      <button type="button" onClick={onBack}>
        ← 报告库
      </button>
      <h2 title={s?.fileName}>{s ? `${s.organ ?? '单位未识别'} · ${s.year ?? '年度未识别'} 年度` : '正在打开…'}</h2>
      {s && <span className="muted file-name">{s.fileName}</span>}
      {s && <span className="tag">{TEMPLATE_LABEL[s.template]}</span>}
      <span className="spacer" />
      <button type="button" onClick={onNextUncertain} title="下一个存疑或未找到的单元格">
        下一个待核（n）
      </button>
      <button type="button" onClick={() => onMove(-1)} disabled={index <= 0}>
        上一份（k）
      </button>
      <span className="muted">
        {index + 1} / {total}
      </span>
      <button type="button" onClick={() => onMove(1)} disabled={index >= total - 1}>
        下一份（j）
      </button>
    </header>
  );
}

function ReviewBody({ id, ids, onNavigate, onBack, onChanged }: Props): React.JSX.Element {
  const { detail, source, error, sourceError, updateCell } = useReport(id);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [check, setCheck] = useState<{ key: string; cells: Set<string> } | null>(null);
  const [section, setSection] = useState<number | null>(null);
  const [target, setTarget] = useState<SourceTarget | null>(null);
  const [locateNote, setLocateNote] = useState<string | null>(null);
  const seq = useRef(0);
  const layout = useMemo(() => (detail ? layoutFor(detail.summary.template, detail.cells) : null), [detail]);
  const index = ids.indexOf(id);

  const select = useCallback(
    (cellId: string) => {
      const cell = detail?.cells[cellId];
      setSelected(cellId);
      setEditing(false);
      setLocateNote(cell?.source ? null : '这个单元格在原文中没有位置信息。');
      setTarget({ kind: 'cell', cellId, source: cell?.source ?? null, text: cell?.raw ?? null, seq: ++seq.current });
      // The cell panel opens below the tables and can cover the row: keep the chosen cell in sight.
      requestAnimationFrame(() =>
        document.querySelector(`[data-cell-id="${cellId}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
      );
    },
    [detail],
  );
  const onLocate = useCallback((found: boolean) => setLocateNote(found ? null : '在原文中没有找到这个位置。'), []);
  const move = (d: 1 | -1): void => {
    const next = ids[index + d];
    if (next !== undefined) onNavigate(next);
  };
  const goUncertain = (): void => {
    if (!detail || !layout) return;
    const next = nextUncertain(layout, detail.cells, selected);
    if (!next) return setLocateNote('没有需要核对的单元格。');
    setSection(null);
    select(next);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-cell-id="${next}"]`)?.focus({ preventScroll: false }));
  };
  useReviewKeys({
    next: () => move(1),
    previous: () => move(-1),
    nextUncertain: goUncertain,
    edit: () => selected && setEditing(true),
    cancel: () => setEditing(false),
  });
  const pickSection = (no: number | null): void => {
    setSection(no);
    const s = detail?.model.sections.find((x) => x.no === no);
    if (s) setTarget({ kind: 'text', text: s.title, seq: ++seq.current });
  };
  const saved = (cell: CellView): void => {
    if (!selected) return;
    updateCell(selected, cell);
    setEditing(false);
    onChanged();
  };
  const ev = { selected, flagged: check?.cells ?? new Set<string>(), onSelect: select };

  return (
    <section className="review-screen" aria-label="审阅">
      <Header detail={detail} index={index} total={ids.length} onBack={onBack} onMove={move} onNextUncertain={goUncertain} />
      <ErrorText message={error} />
      {detail && detail.problems.length > 0 && (
        <ul className="problems" aria-label="导入时发现的问题">
          {detail.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="review-split">
        <div className="source-pane">
          <Source source={source} error={sourceError} target={target} onLocate={onLocate} />
        </div>
        <div className="right-pane">
          <SectionsBar sections={detail?.model.sections ?? []} active={section} onPick={pickSection} />
          <div className="right-scroll">
            {section !== null ? (
              <SectionText section={detail?.model.sections.find((s) => s.no === section)} />
            ) : detail && layout ? (
              <>
                <Legend />
                <h3>表二 主动公开政府信息情况</h3>
                <TableTwo layout={layout} cells={detail.cells} ev={ev} />
                <h3>表三 收到和处理政府信息公开申请情况</h3>
                <TableThree layout={layout} cells={detail.cells} ev={ev} />
                <h3>表四 政府信息公开行政复议、行政诉讼情况</h3>
                <TableFour layout={layout} cells={detail.cells} ev={ev} />
                <h3>勾稽检查</h3>
                <ChecksList
                  checks={detail.checks}
                  active={check?.key ?? null}
                  onPick={(c) => {
                    setCheck(c ? { key: c.id, cells: new Set(c.cells) } : null);
                    if (c?.cells[0]) select(c.cells[0]);
                  }}
                />
              </>
            ) : (
              !error && <p className="muted">正在加载…</p>
            )}
          </div>
          {detail && selected && (
            <CellPanel
              reportId={id}
              cellId={selected}
              label={layout?.labels.get(selected) ?? selected}
              cell={detail.cells[selected]}
              editing={editing}
              onEdit={setEditing}
              onSaved={saved}
              locateNote={locateNote}
            />
          )}
        </div>
      </div>
    </section>
  );
}
