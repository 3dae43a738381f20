// The six sections of the report: buttons to jump to each (the source scrolls to its heading) and the section's text.
import type { Section } from '../../../../shared/model/report';

const NUMERALS = ['一', '二', '三', '四', '五', '六'];

interface Props {
  sections: Section[];
  active: number | null;
  onPick: (no: number | null) => void;
}

export function SectionsBar({ sections, active, onPick }: Props): React.JSX.Element {
  return (
    <nav className="sections-bar" aria-label="报告章节">
      <button type="button" className={`section-tab${active === null ? ' section-tab--active' : ''}`} onClick={() => onPick(null)}>
        表格
      </button>
      {NUMERALS.map((n, i) => {
        const s = sections.find((x) => x.no === i + 1);
        return (
          <button
            key={n}
            type="button"
            className={`section-tab${active === i + 1 ? ' section-tab--active' : ''}`}
            disabled={!s}
            title={s ? s.title : `未找到第${n}部分`}
            onClick={() => onPick(i + 1)}
          >
            {n}
          </button>
        );
      })}
    </nav>
  );
}

export function SectionText({ section }: { section: Section | undefined }): React.JSX.Element {
  if (!section) return <p className="muted">未找到该部分。</p>;
  return (
    <article className="section-text">
      <h3>{section.title}</h3>
      {section.text.split(/\n+/).map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </article>
  );
}
