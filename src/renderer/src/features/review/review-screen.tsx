// The review screen: the source on the left, tables 二/三/四 (or a section) in the middle, the grading panel on the
// right, kept in sync: a clicked cell, reason or check is shown in the tables and in the source at once.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CellView } from '../../../../shared/ipc/contract';
import { ErrorText } from '../../components/error-text';
import { ConflictStrip } from '../export/conflict-strip';
import type { Evidence } from '../grading/evidence';
import { GradingPanel } from '../grading/grading-panel';
import { useGrading } from '../grading/use-grading';
import { CellPanel } from './cell-panel';
import { pdfWorker } from './pdf-view';
import { ReviewHeader } from './review-header';
import { SectionsBar } from './sections-bar';
import { SourcePane } from './source-pane';
import type { SourceTarget } from './source-target';
import { layoutFor, nextUncertain, sharedRuns } from './table-layout';
import { TablesPane } from './tables-pane';
import { useReport } from './use-report';
import { useReviewKeys } from './use-review-keys';

interface Props {
  id: number;
  ids: number[];
  onNavigate: (id: number) => void;
  onBack: () => void;
  onChanged: () => void;
  /** A grading item to show (a conflict opened from the 冲突 list): the grading panel opens on it. */
  item?: string;
}

export function ReviewScreen(props: Props): React.JSX.Element {
  // Warm pdf.js up while the report loads.
  useEffect(() => void pdfWorker(), []);
  const [grading, setGrading] = useState(true);
  useEffect(() => {
    if (props.item) setGrading(true);
  }, [props.id, props.item]);
  // A fresh body per report: selection, editor and highlight never leak from one report to the next.
  return <ReviewBody key={props.id} {...props} grading={grading} onToggleGrading={() => setGrading((g) => !g)} />;
}

function scrollToCell(cellId: string): void {
  requestAnimationFrame(() =>
    document.querySelector(`[data-cell-id="${cellId}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
  );
}

function ReviewBody({
  id,
  ids,
  onNavigate,
  onBack,
  onChanged,
  item,
  grading: showGrading,
  onToggleGrading,
}: Props & { grading: boolean; onToggleGrading: () => void }): React.JSX.Element {
  const { detail, source, error, sourceError, updateCell } = useReport(id);
  const grading = useGrading(id);
  const [selected, setSelected] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [evidence, setEvidence] = useState<{ key: string; cells: Set<string> } | null>(null);
  const [section, setSection] = useState<number | null>(null);
  const [target, setTarget] = useState<SourceTarget | null>(null);
  const [locateNote, setLocateNote] = useState<string | null>(null);
  const seq = useRef(0);
  const layout = useMemo(() => (detail ? layoutFor(detail.summary.template, detail.cells) : null), [detail]);
  const runs = useMemo(() => (detail && layout ? sharedRuns(layout, detail.cells) : new Map()), [detail, layout]);
  const index = ids.indexOf(id);

  const select = useCallback(
    (cellId: string) => {
      const cell = detail?.cells[cellId];
      setSelected(cellId);
      setEditing(false);
      setLocateNote(cell?.source ? null : '这个单元格在原文中没有位置信息。');
      setTarget({ kind: 'cell', cellId, source: cell?.source ?? null, text: cell?.raw ?? null, seq: ++seq.current });
      // The cell panel opens below the tables and can cover the row: keep the chosen cell in sight.
      scrollToCell(cellId);
    },
    [detail],
  );
  const onLocate = useCallback((found: boolean) => setLocateNote(found ? null : '在原文中没有找到这个位置。'), []);
  /** A reason or a check: its cells flagged in the tables, its sentence (else its first cell) shown in the source. */
  const pick = useCallback(
    (e: Evidence | null) => {
      setEvidence(e ? { key: e.key, cells: new Set(e.cells) } : null);
      if (!e) return;
      setSection(null);
      if (e.span) {
        setLocateNote(null);
        setTarget({ kind: 'span', source: e.span.source, text: e.span.text, seq: ++seq.current });
        if (e.cells[0]) scrollToCell(e.cells[0]);
      } else if (e.cells[0]) select(e.cells[0]);
    },
    [select],
  );
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
    // The suggestions rest on the effective cells: a correction may move them.
    grading.refresh();
    onChanged();
  };
  const ev = { selected, flagged: evidence?.cells ?? new Set<string>(), onSelect: select, runs };

  return (
    <section className="review-screen" aria-label="审阅">
      <ReviewHeader
        detail={detail}
        index={index}
        total={ids.length}
        grading={showGrading}
        onBack={onBack}
        onMove={move}
        onNextUncertain={goUncertain}
        onToggleGrading={onToggleGrading}
      />
      <ErrorText message={error} />
      <ConflictStrip reportId={id} version={grading.view} />
      {detail && detail.problems.length > 0 && (
        <ul className="problems" aria-label="导入时发现的问题">
          {detail.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="review-split">
        <SourcePane source={source} error={sourceError} model={detail?.model ?? null} target={target} onLocate={onLocate} />
        <div className="right-pane">
          <SectionsBar sections={detail?.model.sections ?? []} active={section} onPick={pickSection} />
          <div className="right-scroll">
            <TablesPane detail={detail} layout={layout} section={section} ev={ev} error={error} />
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
          {!selected && locateNote && <p className="locate-note muted">{locateNote}</p>}
        </div>
        {showGrading && <GradingPanel grading={grading} active={evidence?.key ?? null} onPick={pick} {...(item ? { focus: item } : {})} />}
      </div>
    </section>
  );
}
