// The review screen's header: back to the library, which report this is, next uncertain cell, previous/next report, the
// grading panel's toggle, and this report's 评分表: 打印 / 导出 PDF.
import type { ReportDetail } from '../../../../shared/ipc/contract';
import { TEMPLATE_LABEL } from '../../components/labels';
import { PrintButtons } from '../print/print-buttons';

const NEXT_TITLE =
  '下一个待核对的单元格：存疑、未找到，以及尚未更正的 OCR 识别单元格。' +
  '先看按勾稽关系推定的（OCR·修），再看置信度低的 OCR 读数，然后是其余的，各按表格顺序。';

interface Props {
  detail: ReportDetail | null;
  index: number;
  total: number;
  grading: boolean;
  onBack: () => void;
  onMove: (d: 1 | -1) => void;
  onNextUncertain: () => void;
  onToggleGrading: () => void;
}

export function ReviewHeader({
  detail,
  index,
  total,
  grading,
  onBack,
  onMove,
  onNextUncertain,
  onToggleGrading,
}: Props): React.JSX.Element {
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
      <button type="button" onClick={onNextUncertain} title={NEXT_TITLE}>
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
      <button type="button" onClick={onToggleGrading} aria-pressed={grading} className={grading ? 'toggle--on' : ''}>
        评分栏
      </button>
      {s && (
        <PrintButtons
          selection={{ reportIds: [s.id] }}
          printLabel="打印"
          fileName={`${s.organ ?? '评分表'}${s.year ?? ''}年度评分表.pdf`}
        />
      )}
    </header>
  );
}
