// The check catalog of domain.md §6: every id in its order, with severity, how automatic it is and a short title.
import type { Severity } from './types';

/** A automatic, S automatic suggestion the inspector confirms, H human only. */
export type Automation = 'A' | 'S' | 'H';

export interface CheckDef {
  id: string;
  severity: Severity;
  auto: Automation;
  title: string;
}

const def = (id: string, severity: Severity, auto: Automation, title: string): CheckDef => ({ id, severity, auto, title });

export const CHECKS: readonly CheckDef[] = [
  def('STR-01', 'W', 'A', '标题含单位、年度和“政府信息公开工作年度报告”'),
  def('STR-02', 'E', 'A', '六个部分齐全且顺序正确'),
  def('STR-03', 'E', 'A', '表二、表三、表四有数据'),
  def('STR-04', 'E', 'A', '表三各行齐全'),
  def('STR-05', 'E', 'A', '表三每行7列'),
  def('STR-06', 'E', 'A', '表二各栏目齐全'),
  def('STR-07', 'E', 'A', '表四15个数值齐全'),
  def('STR-08', 'W', 'S', '总体情况涵盖五个方面'),
  def('STR-09', 'E', 'A', '第五部分既有问题也有改进措施'),
  def('STR-10', 'W', 'A', '第六部分非空并说明信息处理费'),
  def('STR-11', 'W', 'S', '人民政府报告说明工作考核、社会评议和责任追究结果'),
  def('STR-12', 'I', 'A', '说明统计期限'),
  def('TPL-01', 'E', 'A', '格式版本与报告年度相符'),
  def('TPL-02', 'E', 'A', '未混用2019年和2021年格式'),
  def('TPL-03', 'W', 'A', '未擅自增删改表格行列'),
  def('TPL-04', 'I', 'S', '表格标签无截断或错字'),
  def('TPL-05', 'W', 'A', '无过时的法规依据'),
  def('ARI-01', 'E', 'A', '表三列勾稽：新收+上年结转=总计+结转下年'),
  def('ARI-02', 'E', 'A', '表三各办理结果之和=总计'),
  def('ARI-03', 'E', 'A', '表三各类申请人之和=总计'),
  def('ARI-04', 'E', 'A', '表四维持+纠正+其他+未审结=总计'),
  def('ARI-05', 'E', 'A', '数值为非负整数'),
  def('ARI-06', 'W', 'A', '数值表中无空白或斜杠'),
  def('ARI-07', 'E', 'A', '自加的小计与分项相符'),
  def('ARI-08', 'W', 'A', '表二数值合理'),
  def('ARI-09', 'W', 'A', '收费金额单位（万元）合理'),
  def('ARI-10', 'I', 'A', '表格读取无歧义'),
  def('ARI-11', 'I', 'A', '零申请报告提示'),
  def('XCK-01', 'E', 'S', '正文申请件数与表三一致'),
  def('XCK-02', 'E', 'A', '正文称无申请而表三有新收'),
  def('XCK-03', 'E', 'S', '正文复议诉讼件数与表四一致'),
  def('XCK-04', 'W', 'S', '正文提到办理申请而表三全为零'),
  def('XCK-05', 'W', 'A', '信息处理费说明与表三相符'),
  def('XCK-06', 'W', 'A', '有复议诉讼而无申请'),
  def('XCK-07', 'E', 'A', '上年结转与上年报告结转下年度一致'),
  def('XCK-08', 'W', 'A', '现行有效件数与上年衔接'),
  def('XCK-09', 'W', 'S', '正文主动公开数字与表二一致'),
  def('XCK-10', 'M', 'S', '上年问题在本年得到回应'),
  def('MET-01', 'E', 'A', '按时发布'),
  def('MET-02', 'M', 'A', '发布日期已知'),
  def('MET-03', 'W', 'A', '年度前后一致'),
  def('MET-04', 'W', 'S', '单位名称一致、无他单位名称或模板残留'),
  def('MET-05', 'W', 'A', '统计期限为整个自然年'),
  def('MET-06', 'I', 'S', '发布后未被修改'),
  def('QLT-01', 'W', 'S', '未照搬本单位上年报告'),
  def('QLT-02', 'W', 'S', '未与同年度其他单位雷同'),
  def('QLT-03', 'W', 'S', '问题查找具体'),
  def('QLT-04', 'W', 'S', '报告上年度问题整改情况'),
  def('QLT-05', 'I', 'S', '改进措施与问题对应'),
  def('QLT-06', 'E', 'A', '无模板残留或占位符'),
  def('QLT-07', 'M', 'H', '总体情况不泛化'),
  def('QLT-08', 'W', 'A', '内容有基本篇幅'),
  def('QLT-09', 'I', 'S', '文字无明显缺字错字'),
  def('PRV-01', 'E', 'A', '无个人手机号码'),
  def('PRV-02', 'E', 'A', '无身份证号码'),
  def('PRV-03', 'M', 'S', '无申请人等个人姓名'),
  def('PRV-04', 'W', 'S', '无个人邮箱或住址'),
  def('PRV-05', 'I', 'A', '未印出内部审核人员'),
  def('PRV-06', 'W', 'S', '无涉密内容'),
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function checkDef(id: string): CheckDef | undefined {
  return BY_ID.get(id);
}
