// The left pane: the report's source (PDF pages or the sanitized document); a saved web page opens on the report's title.
import type { ReportModel } from '../../../../shared/model/report';
import type { SourceView } from '../../../../shared/ipc/contract';
import { ErrorText } from '../../components/error-text';
import { HtmlView } from './html-view';
import { PdfView } from './pdf-view';
import type { LocateResult, SourceTarget } from './source-target';

interface Props {
  source: SourceView | null;
  error: string | null;
  model: ReportModel | null;
  target: SourceTarget | null;
  onLocate: LocateResult;
}

export function SourcePane({ source, error, model, target, onLocate }: Props): React.JSX.Element {
  let body: React.JSX.Element;
  if (error) body = <ErrorText message={error} />;
  else if (!source) body = <p className="muted pad">正在加载原文…</p>;
  else if (source.format === 'pdf') body = <PdfView base64={source.base64} target={target} onLocate={onLocate} />;
  else {
    // A saved portal page starts with the site's navigation; Word and text documents start with the report itself.
    const opening = model && source.format === 'html' ? { title: model.title, heading: model.sections[0]?.title ?? null } : undefined;
    body = <HtmlView html={source.html} target={target} onLocate={onLocate} {...(opening ? { opening } : {})} />;
  }
  return <div className="source-pane">{body}</div>;
}
