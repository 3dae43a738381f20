// The county ranking (排名) as a print-only HTML document: units by total with grade, state and main deductions.
import { GRADING_STATE_LABEL } from '../grading/assessment';
import { SMALL_SAMPLE } from '../grading/ranking';
import { cnDate, esc, pts } from './escape';
import { documentOf } from './sheet-html';
import { pageRule } from './styles';
import type { RankingData } from './types';

export const RANKING_TITLE = '政府信息公开工作年度报告评审排名';

const RANKING_CSS = `
.ranking th { white-space: nowrap; }
.ranking td.ded { font-size: 9pt; line-height: 1.4; }
.ranking tr.provisional td.state { font-family: inherit; font-weight: bold; }
.sample { border: 1.5pt solid #000; padding: 2mm 3mm; margin: 0 0 3mm; font-size: 10pt; }
.sample strong { margin-right: 2mm; font-size: 12pt; }
.signatures.ranking-sign { margin-top: 8mm; }
`;

export function rankingHtml(data: RankingData): string {
  const year = data.year === null ? '' : `${data.year}年度`;
  const provisional = data.rows.filter((r) => r.state !== 'graded').length;
  const rows = data.rows
    .map(
      (r) =>
        `<tr class="${r.state === 'graded' ? '' : 'provisional'}"><td class="num">${r.rank}</td><td class="unit">${esc(r.organ ?? '（未识别单位）')}</td>` +
        `<td class="num">${pts(r.total)}</td><td class="num">${esc(r.grade)}</td><td class="num state">${esc(GRADING_STATE_LABEL[r.state])}</td>` +
        `<td class="ded">${r.mainDeductions.map(esc).join('<br>')}</td></tr>`,
    )
    .join('\n');
  const sample = data.smallSample
    ? `<div class="sample"><strong>样本偏少</strong>本次仅 ${data.rows.length} 个单位参评（少于 ${SMALL_SAMPLE} 个），排名仅供参考，不宜据此比较单位间的优劣。</div>`
    : '';
  const body = `<section class="page" style="page: ranking">
<h1>${RANKING_TITLE}</h1>
<p class="subtitle">${esc(year)}\u3000共 ${data.rows.length} 个单位</p>
${sample}
<table class="ranking">
<colgroup><col style="width:11mm"><col style="width:40mm"><col style="width:13mm"><col style="width:13mm"><col style="width:15mm"><col></colgroup>
<thead><tr><th>排名</th><th>单位</th><th>总分</th><th>等级</th><th>状态</th><th>主要扣分</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="notes">${provisional > 0 ? `其中 ${provisional} 个单位尚未评审完毕（状态非“已评分”），其总分含${'未经确认的建议分'}，排名为暂定。` : '全部单位均已评审完毕。'}总分相同者名次并列。</div>
<div class="signatures ranking-sign"><span>制表人：<span class="line"></span></span><span>审核人：<span class="line"></span></span><span>日期：${data.madeAt ? esc(cnDate(data.madeAt)) : '<span class="line date"></span>'}</span></div>
</section>`;
  const head = `${year} 评审排名`;
  return documentOf(
    `${RANKING_TITLE} ${year}`,
    `${pageRule('ranking', head, provisional > 0 ? '含未经确认的建议分' : '', null)}\n${RANKING_CSS}`,
    body,
  );
}
