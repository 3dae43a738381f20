// Tables 二, 三 and 四 laid out like the national template (captions, group labels with rowspans, column headers) from the catalog.
import type { CellView } from '../../../../shared/ipc/contract';
import { T3_COLUMNS, T3_GROUPS, T4_COLUMNS, T4_GROUPS, cellId } from '../../../../shared/template/catalog';
import type { ColumnDef, RowDef, T2Block } from '../../../../shared/template/catalog';
import { CellBox, type CellEvents } from './cell-box';
import type { Layout } from './table-layout';

interface TableProps {
  layout: Layout;
  cells: Record<string, CellView>;
  ev: CellEvents;
}

const head = (c: { labels: string[]; id: string }): string => c.labels[0] ?? c.id;

/** Amounts (行政事业性收费, 政府集中采购) are printed in 万元 on the national template. */
export const colHead = (c: ColumnDef): string => `${head(c)}${c.domain === 'amount' ? '（万元）' : ''}`;

function BlockRows({ block, width, cells, ev, layout }: { block: T2Block; width: number } & TableProps): React.JSX.Element {
  const cols = block.rows[0]?.cols ?? [];
  return (
    <tbody>
      <tr className="caption-row">
        <th colSpan={width + 1}>第二十条第（{block.item}）项</th>
      </tr>
      <tr>
        <th className="row-head">信息内容</th>
        {cols.map((c) => (
          <th key={c.id} colSpan={c === cols[cols.length - 1] ? width - cols.length + 1 : 1}>
            {colHead(c)}
          </th>
        ))}
      </tr>
      {block.rows.map((r) => (
        <tr key={r.id}>
          <th className="row-head">{r.label}</th>
          {r.cols.map((c, i) => {
            const id = cellId('t2', r.id, c.id);
            // The last cell stretches when this block has fewer columns than the widest one.
            const span = i === r.cols.length - 1 ? width - r.cols.length + 1 : 1;
            return <CellBox key={id} id={id} cell={cells[id]} label={layout.labels.get(id) ?? id} ev={ev} colSpan={span} />;
          })}
        </tr>
      ))}
    </tbody>
  );
}

export function TableTwo(p: TableProps): React.JSX.Element {
  const width = Math.max(1, ...p.layout.t2.map((b) => b.rows[0]?.cols.length ?? 1));
  return (
    <table className="tpl-table tpl-t2" aria-label="表二 主动公开政府信息情况">
      {p.layout.t2.map((b) => (
        <BlockRows key={b.item} block={b} width={width} {...p} />
      ))}
    </table>
  );
}

/** Where a row of table 三 sits: a top-level item, a row of 三、本年度办理结果, or a sub-row of a (三)–(六) group. */
function t3Place(row: RowDef): { top: boolean; group?: (typeof T3_GROUPS)[number] } {
  if (row.id === 'new' || row.id === 'carried_in' || row.id === 'carried_out') return { top: true };
  const group = T3_GROUPS.find((g) => row.id.startsWith(`${g.id}.`));
  return group ? { top: false, group } : { top: false };
}

function T3Head(): React.JSX.Element {
  const legal = T3_COLUMNS.slice(1, 6);
  return (
    <thead>
      <tr>
        <th colSpan={3} rowSpan={3} className="corner">
          （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
        </th>
        <th colSpan={7}>申请人情况</th>
      </tr>
      <tr>
        <th rowSpan={2}>{head(T3_COLUMNS[0]!)}</th>
        <th colSpan={5}>法人或其他组织</th>
        <th rowSpan={2}>{head(T3_COLUMNS[6]!)}</th>
      </tr>
      <tr>
        {legal.map((c) => (
          <th key={c.id}>{head(c)}</th>
        ))}
      </tr>
    </thead>
  );
}

export function TableThree({ layout, cells, ev }: TableProps): React.JSX.Element {
  const rows = layout.t3;
  const inner = rows.filter((r) => !t3Place(r).top).length;
  const seen = new Set<string>();
  return (
    <table className="tpl-table tpl-t3" aria-label="表三 收到和处理政府信息公开申请情况">
      <T3Head />
      <tbody>
        {rows.map((r) => {
          const place = t3Place(r);
          const labelCells: React.JSX.Element[] = [];
          if (place.top)
            labelCells.push(
              <th key="l" colSpan={3} className="row-head">
                {r.label}
              </th>,
            );
          else {
            if (!seen.has('result')) {
              seen.add('result');
              labelCells.push(
                <th key="r" rowSpan={inner} className="row-head group-head">
                  三、本年度办理结果
                </th>,
              );
            }
            if (place.group) {
              if (!seen.has(place.group.id)) {
                seen.add(place.group.id);
                const n = rows.filter((x) => t3Place(x).group?.id === place.group?.id).length;
                labelCells.push(
                  <th key="g" rowSpan={n} className="row-head group-head">
                    {place.group.label}
                  </th>,
                );
              }
              labelCells.push(
                <th key="l" className="row-head">
                  {r.label}
                </th>,
              );
            } else
              labelCells.push(
                <th key="l" colSpan={2} className="row-head">
                  {r.label}
                </th>,
              );
          }
          return (
            <tr key={r.id}>
              {labelCells}
              {T3_COLUMNS.map((c) => {
                const id = cellId('t3', r.id, c.id);
                return <CellBox key={id} id={id} cell={cells[id]} label={layout.labels.get(id) ?? id} ev={ev} />;
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function TableFour({ layout, cells, ev }: TableProps): React.JSX.Element {
  const [review, ...litigation] = T4_GROUPS;
  return (
    <table className="tpl-table tpl-t4" aria-label="表四 政府信息公开行政复议、行政诉讼情况">
      <thead>
        <tr>
          <th colSpan={5}>{review?.label}</th>
          <th colSpan={10}>行政诉讼</th>
        </tr>
        <tr>
          {T4_COLUMNS.map((c) => (
            <th key={c.id} rowSpan={2}>
              {head(c)}
            </th>
          ))}
          {litigation.map((g) => (
            <th key={g.id} colSpan={5}>
              {g.label.split('·').pop()}
            </th>
          ))}
        </tr>
        <tr>{litigation.flatMap((g) => T4_COLUMNS.map((c) => <th key={`${g.id}-${c.id}`}>{head(c)}</th>))}</tr>
      </thead>
      <tbody>
        <tr>
          {T4_GROUPS.flatMap((g) =>
            T4_COLUMNS.map((c) => {
              const id = cellId('t4', g.id, c.id);
              return <CellBox key={id} id={id} cell={cells[id]} label={layout.labels.get(id) ?? id} ev={ev} />;
            }),
          )}
        </tr>
      </tbody>
    </table>
  );
}
