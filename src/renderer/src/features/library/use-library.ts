// Loads a page of the library for the current filters; a newer query always wins over a slower older one.
import { useEffect, useRef, useState } from 'react';
import type { LibraryPage, LibraryQuery } from '../../../../shared/ipc/contract';
import { call, errorMessage } from '../../api';

export const PAGE_SIZE = 100;

export function useLibrary(query: LibraryQuery, version: number): { page: LibraryPage | null; loading: boolean; error: string | null } {
  const [page, setPage] = useState<LibraryPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    call('library:list', { ...(JSON.parse(key) as LibraryQuery), limit: PAGE_SIZE }).then(
      (p) => {
        if (mine !== seq.current) return;
        setPage(p);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== seq.current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
  }, [key, version]);

  return { page, loading, error };
}
