// Chinese labels for the contract's enumerations, shared by the screens.
import type { ReportStatus } from '../../../shared/ipc/contract';
import type { SourceFormat } from '../../../shared/document/types';
import type { CellState, CheckStatus, TemplateVersion } from '../../../shared/model/report';

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

export const CHECK_LABEL: Record<CheckStatus, string> = { pass: '通过', fail: '不符', warn: '警告', uncertain: '存疑', na: '不适用' };
