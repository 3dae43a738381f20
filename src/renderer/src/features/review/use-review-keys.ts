// Keyboard of the review screen: j/k or ↓/↑ next/previous report, n next uncertain cell, Enter edit, Esc cancel.
import { useEffect, useRef } from 'react';

export interface ReviewKeys {
  next: () => void;
  previous: () => void;
  nextUncertain: () => void;
  edit: () => void;
  cancel: () => void;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

export function useReviewKeys(keys: ReviewKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape') return ref.current.cancel();
      // Typing in a field (the correction form, the search box) is never a shortcut.
      if (typing(e.target)) return;
      const k = ref.current;
      const map: Record<string, (() => void) | undefined> = {
        j: k.next,
        ArrowDown: k.next,
        k: k.previous,
        ArrowUp: k.previous,
        n: k.nextUncertain,
        Enter: k.edit,
      };
      const action = map[e.key];
      if (!action) return;
      // Buttons handle their own Enter (a check, a section): only take it over on a table cell or the page itself.
      if (e.key === 'Enter' && (e.target as HTMLElement | null)?.tagName === 'BUTTON') return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
