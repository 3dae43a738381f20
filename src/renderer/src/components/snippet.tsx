// A search snippet whose hits come wrapped in «» from the services, shown with <mark> (built as elements, never as HTML).
export function Snippet({ text }: { text: string }): React.JSX.Element {
  const parts = text.split(/(«[^»]*»)/);
  return (
    <span className="snippet">
      {parts.map((p, i) => (p.startsWith('«') && p.endsWith('»') ? <mark key={i}>{p.slice(1, -1)}</mark> : <span key={i}>{p}</span>))}
    </span>
  );
}
