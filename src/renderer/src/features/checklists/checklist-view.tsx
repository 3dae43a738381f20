// A checklist as the inspector reads it: groups, items with points and guide, the rules in words, the grade bands.
import type { Checklist, DeductionRule } from '../../../../shared/grading/checklist';
import { checkDef } from '../../../../shared/checks/catalog';
import { CHECK_LABEL } from '../../components/labels';
import { total } from './draft';

function ruleText(r: DeductionRule): string {
  const when = r.when.map((s) => CHECK_LABEL[s]).join('或');
  const parts: string[] = [];
  if (r.deduct !== undefined) parts.push(`${r.each ? '每处' : ''}扣 ${r.deduct} 分`);
  if (r.setTo !== undefined) parts.push(`最多得 ${r.setTo} 分`);
  return `${r.check} ${checkDef(r.check)?.title ?? ''}：${when}时${parts.join('，')}`;
}

export function ChecklistView({ checklist: c }: { checklist: Checklist }): React.JSX.Element {
  return (
    <div className="checklist-view">
      <p className="muted">
        {c.id}@{c.version} · 合计 {total(c)} 分 · 等次：{c.bands.map((b) => `${b.grade} ≥ ${b.min}`).join('，')}
      </p>
      {c.groups.map((g) => {
        const items = c.items.filter((i) => i.group === g.id);
        return (
          <section key={g.id}>
            <h3>
              {g.id} {g.title}（{items.reduce((s, i) => s + i.max, 0)} 分）
            </h3>
            <table className="checklist-table">
              <tbody>
                {items.map((it) => (
                  <tr key={it.id}>
                    <td className="muted">{it.id}</td>
                    <td>
                      <strong>{it.title}</strong>
                      {it.human && <span className="tag">人工判断</span>}
                      <div className="muted">{it.guide}</div>
                      <ul className="rule-lines">
                        {it.rules.map((r, i) => (
                          <li key={i}>{ruleText(r)}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="num">{it.max} 分</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
