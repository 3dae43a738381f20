// The middle pane: tables 二/三/四 laid out like the national template (or a plain statement that the report has none),
// or the text of one section.
import type { ReportDetail } from '../../../../shared/ipc/contract';
import { REPAIRED_HINT, type CellEvents } from './cell-box';
import { TableFour, TableThree, TableTwo } from './report-tables';
import { SectionText } from './sections-bar';
import type { Layout } from './table-layout';

/** The marks of cells read by OCR, explained only for a report that has such cells. */
function OcrLegend(): React.JSX.Element {
  return (
    <>
      <span className="legend-item legend-ocr" title="从页面图像中识别（OCR）读出的单元格，请对照左侧原件核对；按 n 逐个查看">
        <span className="ocr-mark ocr-mark--read">OCR</span>图像识别读出
      </span>
      <span className="legend-item legend-ocr" title="OCR 识别置信度低于 90%，最可能读错">
        <span className="ocr-mark ocr-mark--low">OCR</span>置信度低
      </span>
      <span className="legend-item legend-ocr" title={REPAIRED_HINT}>
        <span className="ocr-mark ocr-mark--repaired">OCR·修</span>由表格勾稽关系推定，请核对原件
      </span>
    </>
  );
}

function Legend({ ocr }: { ocr: boolean }): React.JSX.Element {
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
      {ocr && <OcrLegend />}
    </div>
  );
}

/** A report without statistical tables: nothing to lay out, and no grid of "?" pretending otherwise. */
function NoTables(): React.JSX.Element {
  return (
    <div className="no-tables" role="status">
      <h3>未找到统计表</h3>
      <p>
        这份报告中没有识别出表二、表三、表四（可能是较早年度的报告、表格以图片或附件形式提供，或未按统一格式编写）。
        请在左侧原文中核对；评分栏中依赖统计数据的检查为“不适用”或需人工判断。
      </p>
    </div>
  );
}

interface Props {
  detail: ReportDetail | null;
  layout: Layout | null;
  section: number | null;
  ev: CellEvents;
  error: string | null;
}

export function TablesPane({ detail, layout, section, ev, error }: Props): React.JSX.Element {
  if (section !== null) return <SectionText section={detail?.model.sections.find((s) => s.no === section)} />;
  if (!detail || !layout) return <>{!error && <p className="muted">正在加载…</p>}</>;
  if (detail.model.template === 'unknown' || Object.keys(detail.cells).length === 0) return <NoTables />;
  return (
    <>
      <Legend ocr={Object.values(detail.cells).some((c) => c.ocr !== undefined)} />
      <h3>表二 主动公开政府信息情况</h3>
      <TableTwo layout={layout} cells={detail.cells} ev={ev} />
      <h3>表三 收到和处理政府信息公开申请情况</h3>
      <TableThree layout={layout} cells={detail.cells} ev={ev} />
      <h3>表四 政府信息公开行政复议、行政诉讼情况</h3>
      <TableFour layout={layout} cells={detail.cells} ev={ev} />
    </>
  );
}
