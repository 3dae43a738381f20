// Normalisation for matching only: the text shown to the user is never changed (domain.md §10.2).
import * as OpenCC from 'opencc-js/t2cn';

/** Traditional → simplified, built on first use: most reports are simplified, and building it costs 15–25 ms. */
let converter: ((s: string) => string) | undefined;
const t2s = (s: string): string => (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }))(s);

/** Characters that only occur in traditional script (a small, frequent sample used to decide whether to convert). */
const TRADITIONAL_ONLY = /[與於為個來們們說時會學國發開關應當從對這進過還經義務無產們區縣鄉鎮開體書處點條數據統計總機構業務資訊訊]/g;

export function looksTraditional(text: string): boolean {
  const hits = text.match(TRADITIONAL_ONLY)?.length ?? 0;
  return hits >= 3 && hits / Math.max(1, text.length) > 0.002;
}

/** Spaces of every kind, including NBSP, EN SPACE, ideographic space and zero-width characters. */
const ANY_SPACE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/g;

/** Punctuation variants folded to one form after NFKC. */
const FOLD: [RegExp, string][] = [
  [/[〔［【]/g, '['],
  [/[〕］】]/g, ']'],
  [/[“”„‟″]/g, '"'],
  [/[‘’‛′]/g, "'"],
  [/[－—–‐‑‒―−﹣]/g, '-'],
  [/[、]/g, '、'],
  [/\*\*/g, ''], // markdown emphasis from converted Word files (F18)
];

/**
 * Text for matching: NFKC (full-width digits, brackets and punctuation to half-width), traditional → simplified,
 * one kind of space, folded punctuation. Length may change; use only for searching, never for display.
 */
/**
 * Footnote marks that NFKC would turn into plain digits (①→1, ¹→1, ⑴→(1)): a cell printed "0①" must not read as 01.
 * They are kept as they are; full-width digits (０) are still folded.
 */
const KEEP = /[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u3248-\u325f\u3280-\u32bf]/;
const KEEP_RUNS = new RegExp(`[^${KEEP.source.slice(1, -1)}]+`, 'g');

function nfkc(s: string): string {
  return s.replace(KEEP_RUNS, (run) => run.normalize('NFKC'));
}

export function normalizeText(text: string, traditional = looksTraditional(text)): string {
  let s = nfkc(text);
  if (traditional) s = t2s(s);
  for (const [re, to] of FOLD) s = s.replace(re, to);
  return s.replace(ANY_SPACE, ' ');
}

/** A matching key: normalised, with every space removed (labels split by line wraps or spacing match whole). */
export function keyOf(text: string, traditional?: boolean): string {
  return normalizeText(text, traditional).replace(/ /g, '');
}

export function isSpace(ch: string): boolean {
  return ch === ' ' || /[\s\u00a0\u2000-\u200b\u3000\ufeff]/.test(ch);
}

export interface MappedText {
  text: string;
  /** For each character of `text`, the index in the original string it came from. */
  map: Int32Array;
}

const SPACE_CHAR = /[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * The same normalisation as normalizeText, keeping for every output character the index of its source character,
 * so that what was found in the normalised text can be shown as it is printed.
 */
export function normalizeWithMap(raw: string, traditional: boolean): MappedText {
  // OpenCC converts phrase by phrase; when that keeps the length, characters stay aligned with the source.
  let converted = traditional ? t2s(raw) : raw;
  if (converted.length !== raw.length) converted = Array.from(raw, (ch) => (t2s(ch).length === ch.length ? t2s(ch) : ch)).join('');
  const out: string[] = [];
  const map: number[] = [];
  let lastSpace = false;
  const emit = (c: string, from: number) => {
    const space = SPACE_CHAR.test(c);
    if (space && lastSpace) return; // runs of spaces become one
    out.push(space ? ' ' : c);
    map.push(from);
    lastSpace = space;
  };
  for (let i = 0; i < converted.length; i++) {
    const ch = converted[i]!;
    if (ch === '*' && (converted[i + 1] === '*' || converted[i - 1] === '*')) continue; // markdown emphasis (F18)
    let n = KEEP.test(ch) || SPACE_CHAR.test(ch) ? ch : ch.normalize('NFKC');
    for (const [re, to] of FOLD) n = n.replace(re, to);
    for (const c of n) emit(c, i);
  }
  return { text: out.join(''), map: Int32Array.from(map) };
}
