// Keyboard of the grading panel: ] / [ (anywhere) or ↓ / ↑ (in the panel) next/previous item, c or Enter confirm the
// suggestion and move on, e set points (c and e from the panel). Typing in a field is never a shortcut; Esc is the open editor's own.
import { useEffect, useRef } from 'react';
import { typing } from '../review/use-review-keys';

export interface GradingKeys {
  move: (d: 1 | -1) => void;
  confirm: () => void;
  edit: () => void;
}

export function useGradingKeys(keys: GradingKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || typing(e.target)) return;
      const el = e.target as HTMLElement | null;
      const inPanel = Boolean(el?.closest?.('.grading-panel'));
      // c and e act on the current item from the panel (or with nothing focused), never from a table cell.
      const here = inPanel || !el || el === document.body;
      const k = ref.current;
      let action: (() => void) | undefined;
      if (e.key === ']' || (inPanel && e.key === 'ArrowDown')) action = () => k.move(1);
      else if (e.key === '[' || (inPanel && e.key === 'ArrowUp')) action = () => k.move(-1);
      else if (e.key === 'c' && here) action = k.confirm;
      else if (e.key === 'e' && here) action = k.edit;
      // Enter confirms on the item itself; a focused button inside it does its own thing.
      else if (e.key === 'Enter' && el?.dataset['itemId']) action = k.confirm;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
