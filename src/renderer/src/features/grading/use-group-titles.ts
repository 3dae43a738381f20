// The checklist's group titles (A 报送、发布时效与要素 …), fetched once per checklist version.
import { useEffect, useState } from 'react';
import { call } from '../../api';

const cache = new Map<string, Map<string, string>>();

export function useGroupTitles(ref: string | null): Map<string, string> {
  const [titles, setTitles] = useState<Map<string, string>>(() => (ref ? (cache.get(ref) ?? new Map()) : new Map()));
  useEffect(() => {
    if (!ref) return;
    const known = cache.get(ref);
    if (known) return setTitles(known);
    let live = true;
    call('checklist:get', { ref }).then(
      (c) => {
        const m = new Map(c.groups.map((g) => [g.id, g.title]));
        cache.set(ref, m);
        if (live) setTitles(m);
      },
      () => undefined, // the ids alone still group the items
    );
    return () => {
      live = false;
    };
  }, [ref]);
  return titles;
}
