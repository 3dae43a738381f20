// Chinese labels for the contract's enumerations, shared by the screens.
import type { ReportStatus } from '../../../shared/ipc/contract';
import type { SourceFormat } from '../../../shared/document/types';
import type { CellState, TemplateVersion } from '../../../shared/model/report';
import type { CheckStatus, UnitLevel } from '../../../shared/checks/types';

export const STATUS_LABEL: Record<ReportStatus, string> = { imported: '已导入', 'needs-attention': '需关注', graded: '已评分' };

export const FORMAT_LABEL: Record<SourceFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  doc: 'Word（旧版）',
  wps: 'WPS',
  html: '网页',
  txt: '文本',
};

export const TEMPLATE_LABEL: Record<TemplateVersion, string> = {
  v2021: '2021 版格式',
  v2019: '2019 版格式',
  hybrid: '混合格式',
  unknown: '格式未识别',
};

export const STATE_LABEL: Record<CellState, string> = {
  number: '数值',
  blank: '空白',
  dash: '无（—）',
  missing: '未找到',
  ambiguous: '存疑',
};

export const CHECK_LABEL: Record<CheckStatus, string> = {
  pass: '通过',
  fail: '不符',
  warn: '警告',
  info: '提示',
  uncertain: '存疑',
  manual: '需人工判断',
  na: '不适用',
};

/** The check families of domain.md §6, in catalog order. */
export const CHECK_FAMILIES: { prefix: string; label: string }[] = [
  { prefix: 'STR', label: '结构完整' },
  { prefix: 'TPL', label: '格式版本' },
  { prefix: 'ARI', label: '表内勾稽' },
  { prefix: 'XCK', label: '文表与跨年一致' },
  { prefix: 'MET', label: '时效与元数据' },
  { prefix: 'QLT', label: '内容质量' },
  { prefix: 'PRV', label: '隐私与保密' },
];

export const UNIT_LEVEL_LABEL: Record<UnitLevel, string> = {
  township: '乡镇',
  street: '街道',
  county_dept: '县直部门',
  county_gov: '县人民政府',
  other: '其他单位',
};
