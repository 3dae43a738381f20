// Keyboard of the review screen: j/k next/previous report, n next uncertain cell, Enter correct, Esc cancel, and the
// arrow keys on a focused table cell move to the neighbouring cell. Keys inside the grading panel are the panel's own.
import { useEffect, useRef } from 'react';

export interface ReviewKeys {
  next: () => void;
  previous: () => void;
  nextUncertain: () => void;
  edit: () => void;
  cancel: () => void;
}

type Arrow = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';
const ARROWS: readonly string[] = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'];

export function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

const centre = (r: DOMRect): { x: number; y: number } => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });

/**
 * The value cell next to `from` in a direction, by where the cells are drawn (rowspans and the tables' different widths
 * make DOM order unreliable): the nearest row above/below, then the closest column in it; left/right stay in the row.
 */
export function neighbourCell(from: HTMLElement, key: Arrow): HTMLElement | null {
  const all = [...document.querySelectorAll<HTMLElement>('td[data-cell-id]')];
  const here = from.getBoundingClientRect();
  const c = centre(here);
  let best: HTMLElement | null = null;
  let bestScore = Infinity;
  for (const el of all) {
    if (el === from) continue;
    const r = el.getBoundingClientRect();
    const p = centre(r);
    const sameRow = Math.abs(p.y - c.y) < Math.max(4, here.height / 2);
    let score: number;
    if (key === 'ArrowRight' || key === 'ArrowLeft') {
      const dx = key === 'ArrowRight' ? p.x - c.x : c.x - p.x;
      if (!sameRow || dx <= 1) continue;
      score = dx;
    } else {
      const dy = key === 'ArrowDown' ? p.y - c.y : c.y - p.y;
      if (dy <= Math.max(2, here.height / 2)) continue;
      // Rows first (a cell one row further is always worse), then the nearest column.
      score = Math.round(dy) * 10_000 + Math.abs(p.x - c.x);
    }
    if (score < bestScore) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}

export function useReviewKeys(keys: ReviewKeys): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target as HTMLElement | null;
      // The grading panel handles its own ↑/↓ (items), Enter (confirm) and Esc (closes its editor).
      if (el?.closest?.('.grading-panel') && (e.key === 'Enter' || e.key === 'Escape' || ARROWS.includes(e.key))) return;
      if (e.key === 'Escape') return ref.current.cancel();
      // Typing in a field (the correction form, the search box) is never a shortcut.
      if (typing(e.target)) return;
      if (ARROWS.includes(e.key)) {
        // Arrows move between cells when a cell has the focus; elsewhere they scroll as usual.
        if (el?.tagName !== 'TD' || !el.dataset['cellId']) return;
        e.preventDefault();
        const to = neighbourCell(el, e.key as Arrow);
        to?.focus();
        to?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
      }
      const k = ref.current;
      const map: Record<string, (() => void) | undefined> = { j: k.next, k: k.previous, n: k.nextUncertain, Enter: k.edit };
      const action = map[e.key];
      if (!action) return;
      // Buttons handle their own Enter (a check, a section): only take it over on a table cell or the page itself.
      if (e.key === 'Enter' && el?.tagName === 'BUTTON') return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
