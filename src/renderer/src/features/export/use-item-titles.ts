// The names of the active checklist's items by id (D3 → 依申请公开情况…), to show conflicts by name.
import { useEffect, useState } from 'react';
import { call } from '../../api';

export function useItemTitles(): Map<string, string> {
  const [titles, setTitles] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    let live = true;
    call('checklist:list', {})
      .then((l) => call('checklist:get', { ref: l.active }))
      .then((c) => live && setTitles(new Map(c.items.map((i) => [i.id, i.title]))))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return titles;
}
