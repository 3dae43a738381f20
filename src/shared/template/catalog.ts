// The national templates (domain.md §2–3, contract.md §1): every row, column and cell id, one module for all.
import type { TemplateVersion } from '../model/report';

export type Version = 'v2021' | 'v2019';

/** What a column may hold, beyond non-negative integers. */
export type ColumnDomain = 'count' | 'signed' | 'amount';

export interface ColumnDef {
  id: string;
  /** Label keywords (simplified, normalised) that identify the column header. */
  labels: string[];
  domain: ColumnDomain;
}

export interface RowDef {
  id: string;
  /** Printed label (simplified) for display. */
  label: string;
  /**
   * Distinctive keys, normalised (no spaces, simplified, half-width). A row is found where the
   * text contains one of them, the earliest wins; the first is the canonical one. Prefixes are listed
   * too: in layout text a long label wraps around its own value line ("2.其他法律行政 / 0 0 0 / 法规禁止公开").
   */
  keys: string[];
  cols: ColumnDef[];
}

export interface T2Block {
  /** The 第二十条第(X)项 caption numeral. */
  item: string;
  rows: RowDef[];
}

const col = (id: string, labels: string[], domain: ColumnDomain = 'count'): ColumnDef => ({ id, labels, domain });

// ---- Table 二 ----
const C21_DOCS = [
  col('issued', ['本年制发件数', '制发']),
  col('repealed', ['本年废止件数', '废止']),
  col('in_force', ['现行有效件数', '现行有效']),
];
const C21_DECISIONS = [col('decisions', ['本年处理决定数量', '处理决定'])];
const C21_FEES = [col('amount', ['本年收费金额', '收费金额'], 'amount')];

const C19_DOCS = [
  col('new_made', ['本年新制作数量', '新制作']),
  col('new_published', ['本年新公开数量', '新公开']),
  col('total_published', ['对外公开总数量', '公开总数']),
];
const C19_ITEMS = [
  col('prev_items', ['上一年项目数量', '上一年']),
  col('delta', ['本年增/减', '增/减', '增减'], 'signed'),
  col('decisions', ['处理决定数量', '处理决定']),
];
const C19_FEES = [col('prev_items', ['上一年项目数量', '上一年']), col('delta', ['本年增/减', '增/减', '增减'], 'signed')];
const C19_PROCUREMENT = [col('items', ['采购项目数量']), col('amount', ['采购总金额'], 'amount')];

const row = (id: string, label: string, keys: string[], cols: ColumnDef[]): RowDef => ({ id, label, keys, cols });

export const T2_V2021: T2Block[] = [
  {
    item: '一',
    rows: [
      row('regulations', '规章', ['规章'], C21_DOCS),
      row('normative_docs', '行政规范性文件', ['行政规范性文件', '规范性文件'], C21_DOCS),
    ],
  },
  { item: '五', rows: [row('licensing', '行政许可', ['行政许可'], C21_DECISIONS)] },
  {
    item: '六',
    rows: [row('penalty', '行政处罚', ['行政处罚'], C21_DECISIONS), row('coercion', '行政强制', ['行政强制'], C21_DECISIONS)],
  },
  { item: '八', rows: [row('admin_fees', '行政事业性收费', ['行政事业性收费'], C21_FEES)] },
];

export const T2_V2019: T2Block[] = [
  {
    item: '一',
    rows: [row('regulations', '规章', ['规章'], C19_DOCS), row('normative_docs', '规范性文件', ['规范性文件'], C19_DOCS)],
  },
  {
    item: '五',
    rows: [
      row('licensing', '行政许可', ['行政许可'], C19_ITEMS),
      row('other_mgmt_services', '其他对外管理服务事项', ['其他对外管理服务事项', '对外管理服务'], C19_ITEMS),
    ],
  },
  {
    item: '六',
    rows: [row('penalty', '行政处罚', ['行政处罚'], C19_ITEMS), row('coercion', '行政强制', ['行政强制'], C19_ITEMS)],
  },
  { item: '八', rows: [row('admin_fees', '行政事业性收费', ['行政事业性收费'], C19_FEES)] },
  { item: '九', rows: [row('central_procurement', '政府集中采购', ['政府集中采购', '集中采购'], C19_PROCUREMENT)] },
];

// ---- Table 三 ----
export const T3_COLUMNS: ColumnDef[] = [
  col('natural', ['自然人']),
  col('org_commercial', ['商业企业']),
  col('org_research', ['科研机构']),
  col('org_nonprofit', ['社会公益组织']),
  col('org_legal', ['法律服务机构']),
  col('org_other', ['其他']),
  col('total', ['总计']),
];

const t3 = (id: string, label: string, keys: string[]): RowDef => row(id, label, keys, T3_COLUMNS);

const T3_HEAD = [
  t3('new', '一、本年新收政府信息公开申请数量', ['本年新收', '新收政府信息公开申请']),
  t3('carried_in', '二、上年结转政府信息公开申请数量', ['上年结转']),
  t3('granted', '(一)予以公开', ['予以公开']),
  t3('partial', '(二)部分公开', ['部分公开']),
  t3('denied.state_secret', '1.属于国家秘密', ['国家秘密']),
  t3('denied.law_prohibited', '2.其他法律行政法规禁止公开', ['法律行政法规禁止', '其他法律行政', '禁止公开']),
  t3('denied.security_stability', '3.危及"三安全一稳定"', ['三安全一稳定', '危及"三安', '三安全', '一稳定']),
  t3('denied.third_party', '4.保护第三方合法权益', ['第三方合法权益', '保护第三方']),
  t3('denied.internal_affairs', '5.属于三类内部事务信息', ['内部事务', '三类内部']),
  t3('denied.process_info', '6.属于四类过程性信息', ['过程性信息', '四类过程', '过程性']),
  t3('denied.enforcement_file', '7.属于行政执法案卷', ['行政执法案卷', '执法案卷', '行政执法']),
  t3('denied.admin_inquiry', '8.属于行政查询事项', ['行政查询事项', '查询事项', '行政查询']),
  t3('unable.not_held', '1.本机关不掌握相关政府信息', ['不掌握相关政府信息', '不掌握']),
  t3('unable.needs_creation', '2.没有现成信息需要另行制作', ['另行制作', '没有现成']),
  t3('unable.unclear', '3.补正后申请内容仍不明确', ['补正后申请内容仍不明', '补正后申请', '仍不明确']),
  t3('not_processed.petition', '1.信访举报投诉类申请', ['信访举报投诉', '信访']),
  t3('not_processed.duplicate', '2.重复申请', ['重复申请']),
  t3('not_processed.publication', '3.要求提供公开出版物', ['公开出版物', '要求提供公开', '出版物']),
  t3('not_processed.mass_repeat', '4.无正当理由大量反复申请', ['大量反复申请', '无正当理由大量', '大量反复']),
  t3('not_processed.reconfirm', '5.要求行政机关确认或重新出具已获取信息', ['确认或重新出具', '要求行政机关确认', '重新出具']),
];
const T3_TAIL = [t3('total', '(七)总计', ['(七)总计', '总计']), t3('carried_out', '四、结转下年度继续办理', ['结转下年度', '继续办理'])];

export const T3_V2021: RowDef[] = [
  ...T3_HEAD,
  t3('other.no_correction', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ['逾期不补正', '无正当理由逾期', '不补正']),
  t3('other.fee_unpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [
    '收费通知',
    '逾期未按收费',
    '缴纳费用',
  ]),
  t3('other.other', '3.其他', ['3.其他', '3、其他']),
  ...T3_TAIL,
];

export const T3_V2019: RowDef[] = [...T3_HEAD, t3('other', '(六)其他处理', ['(六)其他处理', '其他处理']), ...T3_TAIL];

/** Group label rows of table 三: they span sub-rows and hold no numbers of their own. */
export const T3_GROUPS = [
  { id: 'denied', label: '(三)不予公开', keys: ['不予公开'], rows: 8, first: 'denied.state_secret' },
  { id: 'unable', label: '(四)无法提供', keys: ['无法提供'], rows: 3, first: 'unable.not_held' },
  { id: 'not_processed', label: '(五)不予处理', keys: ['不予处理'], rows: 5, first: 'not_processed.petition' },
  { id: 'other', label: '(六)其他处理', keys: ['其他处理'], rows: 3, first: 'other.no_correction' },
] as const;

// ---- Table 四 ----
export const T4_GROUPS = [
  { id: 'review', label: '行政复议' },
  { id: 'lit_direct', label: '行政诉讼·未经复议直接起诉' },
  { id: 'lit_after_review', label: '行政诉讼·复议后起诉' },
] as const;

export const T4_COLUMNS: ColumnDef[] = [
  col('upheld', ['结果维持']),
  col('corrected', ['结果纠正']),
  col('other', ['其他结果']),
  col('pending', ['尚未审结']),
  col('total', ['总计']),
];

// ---- Cell ids ----
export const cellId = (table: 't2' | 't3' | 't4', rowId: string, colId: string): string => `${table}/${rowId}/${colId}`;

export interface CellDef {
  id: string;
  table: 't2' | 't3' | 't4';
  row: string;
  col: string;
  domain: ColumnDomain;
}

function t2Cells(blocks: T2Block[]): CellDef[] {
  return blocks.flatMap((b) =>
    b.rows.flatMap((r) =>
      r.cols.map((c) => ({ id: cellId('t2', r.id, c.id), table: 't2' as const, row: r.id, col: c.id, domain: c.domain })),
    ),
  );
}

function t3Cells(rows: RowDef[]): CellDef[] {
  return rows.flatMap((r) =>
    T3_COLUMNS.map((c) => ({ id: cellId('t3', r.id, c.id), table: 't3' as const, row: r.id, col: c.id, domain: c.domain })),
  );
}

export const T4_CELLS: CellDef[] = T4_GROUPS.flatMap((g) =>
  T4_COLUMNS.map((c) => ({ id: cellId('t4', g.id, c.id), table: 't4' as const, row: g.id, col: c.id, domain: c.domain })),
);

/** A template as the parser applies it: which blocks of each table follow which version. */
export interface TemplateShape {
  version: TemplateVersion;
  /** Version of each table 二 block, by caption item (一/五/六/八/九). */
  t2: T2Block[];
  t3: RowDef[];
}

export const SHAPE_2021: TemplateShape = { version: 'v2021', t2: T2_V2021, t3: T3_V2021 };
export const SHAPE_2019: TemplateShape = { version: 'v2019', t2: T2_V2019, t3: T3_V2019 };

/** Every cell id a template shape defines, in table order. */
export function cellsOf(shape: TemplateShape): CellDef[] {
  return [...t2Cells(shape.t2), ...t3Cells(shape.t3), ...T4_CELLS];
}
