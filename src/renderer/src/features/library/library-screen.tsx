// The library screen: filters, search with highlighted hits, the reports by year, bulk correction of unit and year,
// and 打印与导出 (sheets, Excel, review packages) of the chosen reports or a year.
import { useCallback, useState } from 'react';
import type { LibraryQuery, PackageImportSummary } from '../../../../shared/ipc/contract';
import { ErrorText } from '../../components/error-text';
import { PackageSummaryView } from '../export/package-import';
import { OutputBar } from './output-bar';
import { BulkMetaBar } from './bulk-meta-bar';
import { LibraryFilters } from './library-filters';
import { ReportTable } from './report-table';
import { PAGE_SIZE, useLibrary } from './use-library';

interface Props {
  version: number;
  onOpen: (id: number, ids: number[]) => void;
  onChanged: () => void;
  /** A report's grading panel on one item (a conflict). */
  onOpenItem: (reportId: number, itemId: string) => void;
  onShowConflicts: () => void;
}

export function LibraryScreen({ version, onOpen, onChanged, onOpenItem, onShowConflicts }: Props): React.JSX.Element {
  const [query, setQuery] = useState<LibraryQuery>({});
  const [imported, setImported] = useState<PackageImportSummary | null>(null);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const { page, loading, error } = useLibrary(query, version);
  const reports = page?.reports ?? [];
  const offset = query.offset ?? 0;

  const onFilters = useCallback((q: LibraryQuery) => setQuery(q), []);
  const toggle = (id: number): void =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });

  return (
    <section className="library-screen" aria-label="报告库">
      <LibraryFilters query={query} years={page?.years ?? []} organs={page?.organs ?? []} onChange={onFilters} />
      <OutputBar
        selected={[...selected]}
        years={page?.years ?? []}
        year={query.year}
        onImported={(s) => {
          setImported(s);
          onChanged();
        }}
      />
      {imported && (
        <PackageSummaryView summary={imported} onOpen={onOpenItem} onShowConflicts={onShowConflicts} onClose={() => setImported(null)} />
      )}
      {selected.size > 0 && (
        <BulkMetaBar
          ids={[...selected]}
          onClear={() => setSelected(new Set())}
          onDone={(n) => {
            setMessage(`已更正 ${n} 份报告的单位或年度。`);
            setSelected(new Set());
            onChanged();
          }}
        />
      )}
      {message && (
        <p className="info-text" role="status">
          {message}
        </p>
      )}
      <ErrorText message={error} />
      <div className="library-count">
        {loading ? '正在加载…' : `共 ${page?.total ?? 0} 份报告`}
        {query.text && page ? `，检索“${query.text}”命中 ${page.total} 份` : ''}
      </div>
      {page && page.total === 0 && !loading ? (
        <p className="empty-state">
          {query.text || query.year || query.organ || query.status || query.grading
            ? '没有符合条件的报告。'
            : '报告库是空的。请到“导入”页导入年报文件。'}
        </p>
      ) : (
        <ReportTable
          reports={reports}
          hits={page?.hits ?? []}
          selected={selected}
          onToggle={toggle}
          onToggleAll={(on) => setSelected(on ? new Set(reports.map((r) => r.id)) : new Set())}
          onOpen={(id) =>
            onOpen(
              id,
              reports.map((r) => r.id),
            )
          }
        />
      )}
      {page && page.total > PAGE_SIZE && (
        <div className="pager">
          <button type="button" disabled={offset === 0} onClick={() => setQuery({ ...query, offset: Math.max(0, offset - PAGE_SIZE) })}>
            上一页
          </button>
          <span>
            第 {Math.floor(offset / PAGE_SIZE) + 1} / {Math.ceil(page.total / PAGE_SIZE)} 页
          </span>
          <button
            type="button"
            disabled={offset + PAGE_SIZE >= page.total}
            onClick={() => setQuery({ ...query, offset: offset + PAGE_SIZE })}
          >
            下一页
          </button>
        </div>
      )}
    </section>
  );
}
