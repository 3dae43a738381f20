// Reads the value tokens between two labels and fits them to a row's cells: exact slots, shifted slots,
// or digit runs split in every way the column domains allow (F4, F6). Never guesses: it returns readings.
import type { ColumnDomain } from '../template/catalog';
import { CELL, PAGE_MARK, ROW, unitAt, type Stream } from './stream';

export type TokenKind = 'num' | 'dash' | 'blank';

export interface Token {
  kind: TokenKind;
  /** Normalised text of the token ("0", "2648-18538", "75394432.52元", "/"). */
  text: string;
  /** Stream offset, for the source anchor. */
  pos: number;
  /** Index of the row chunk (ROW-separated line) the token is in, counted from the zone start. */
  row: number;
  /** True when the token is a cell of a real table (its slot is known), false in free text. */
  cell?: boolean;
}

export interface Val {
  state: 'number' | 'blank' | 'dash';
  value: number | null;
  raw: string;
  unit?: string;
  pos: number;
}

/** One way of reading a row: a value per cell, or null where this reading cannot tell. */
export type Reading = (Val | null)[];

const DASH_PIECE = /^(?:[-/\\~～_]+|—+)$/;
const NUM_RUN = /-?\d(?:[\d.,-]*\d)?(?:万元|元)?/g;
const YEAR = /^(?:19|20)\d{2}$/;

/** Tokens of a stream zone. Empty table cells are blank tokens; text that is not a value (prose included) is skipped. */
export function tokenize(stream: Stream, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let row = 0;
  let fieldStart = from;
  for (let i = from; i <= to; i++) {
    const ch = i < to ? stream.text[i] : CELL;
    if (ch !== CELL && ch !== ROW) continue;
    readField(stream, fieldStart, i, row, tokens);
    if (ch === ROW) row++;
    fieldStart = i + 1;
  }
  return tokens;
}

function readField(stream: Stream, start: number, end: number, row: number, tokens: Token[]): void {
  const field = stream.text.slice(start, end);
  const unit = unitAt(stream, start);
  // The numbers of a sentence ("2024年…发布政策解读15篇") are the sentence's, never a table's values.
  if (unit?.prose) return;
  const cell = !!unit?.tableCell && !unit.inferred;
  const out = { push: (t: Token) => tokens.push({ ...t, cell }) };
  if (field.trim() === '') {
    // Only a whole empty cell of a drawn table is a blank slot; the end of a label cell is not, and an empty slot of a
    // grid rebuilt from text positions may be a value the reader placed elsewhere.
    if (cell && unit!.start === start && unit!.end === end) out.push({ kind: 'blank', text: '', pos: start, row });
    return;
  }
  // A page number printed between two parts of a table ("-3-", "第 3 页", "3/6") is not a value.
  if (PAGE_MARK.test(field.trim())) return;
  // "无" is a value only as a whole cell; elsewhere it starts a word (无法提供, 无正当理由).
  if (field.trim() === '无') {
    out.push({ kind: 'dash', text: '无', pos: start, row });
    return;
  }
  let offset = 0;
  for (const piece of field.split(' ')) {
    const pos = start + offset;
    offset += piece.length + 1;
    if (!piece) continue;
    if (DASH_PIECE.test(piece)) {
      out.push({ kind: 'dash', text: piece, pos, row });
      continue;
    }
    for (const m of piece.matchAll(NUM_RUN)) {
      const at = pos + (m.index ?? 0);
      // A year ("2024年", "2024 年" in a heading or a title line) is never a table value.
      if (YEAR.test(m[0]) && /^ ?年/.test(stream.text.slice(at + 4, at + 6))) continue;
      out.push({ kind: 'num', text: m[0], pos: at, row });
    }
  }
}

// ---- single values ----

const WHOLE_NUMBER = /^([-+]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(万元|元)?$/;

/** A token read as exactly one cell: any printed number is taken as printed. */
export function singleValue(token: Token): Val | null {
  if (token.kind === 'blank') return { state: 'blank', value: null, raw: '', pos: token.pos };
  if (token.kind === 'dash') return { state: 'dash', value: null, raw: token.text, pos: token.pos };
  const m = WHOLE_NUMBER.exec(token.text);
  if (!m) return null;
  const value = Number(`${m[1] === '-' ? '-' : ''}${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`);
  if (!Number.isFinite(value)) return null;
  return { state: 'number', value, raw: token.text, pos: token.pos, ...(m[4] ? { unit: m[4] } : {}) };
}

/** Pieces of a digit run that may stand for one cell of a domain: no leading zeros, sign and decimals only where allowed. */
const PIECE: Record<ColumnDomain, RegExp> = {
  count: /^(0|[1-9]\d{0,6})$/,
  signed: /^-?(0|[1-9]\d{0,6})$/,
  amount: /^(0|[1-9]\d{0,11})(\.\d{1,6})?(万元|元)?$/,
};

function pieceValue(piece: string, domain: ColumnDomain, pos: number): Val | null {
  if (!PIECE[domain].test(piece)) return null;
  const unit = /(万元|元)$/.exec(piece)?.[1];
  const value = Number(unit ? piece.slice(0, -unit.length) : piece);
  return { state: 'number', value, raw: piece, pos, ...(unit ? { unit } : {}) };
}

// ---- fitting ----

export interface FitOptions {
  domains: ColumnDomain[];
  /** A row constraint (e.g. R3: total = sum of the applicant columns) that digit-run splits must satisfy. */
  constraint?: (values: number[]) => boolean;
  /** The last column is a total: when nothing else fits, a lone last token is read as it (seed 001's short rows). */
  lastIsTotal?: boolean;
}

const MAX_READINGS = 2000;
const MAX_STEPS = 300_000;
/** The longest text one cell of a domain can hold in a split (digits, sign, decimals, unit). */
const MAX_PIECE: Record<ColumnDomain, number> = { count: 7, signed: 8, amount: 21 };

/** All readings of a row's tokens. [] means no token at all (the row is missing). */
export function fitRow(all: Token[], opts: FitOptions): Reading[] {
  const k = opts.domains.length;
  // Empty cells of the grid rows that follow (a merged label cell's own rows) are no slots of this row.
  let end = all.length;
  while (end > k && all[end - 1]!.kind === 'blank' && all[end - 1]!.row > all[0]!.row) end--;
  const tokens = end < all.length ? all.slice(0, end) : all;
  const m = tokens.length;
  if (m === 0) return [];
  const direct = (ts: Token[]): Reading | null => {
    const vals = ts.map(singleValue);
    return vals.every((v) => v !== null) ? vals : null;
  };
  let readings: Reading[] | null = null;
  if (m === k) {
    const exact = direct(tokens);
    if (exact) readings = [exact];
  }
  if (!readings && m > k) readings = shifted(tokens, k, direct, opts);
  if (!readings) {
    const splits = splitRuns(tokens, opts);
    return splits && splits.length > 0 ? splits : [partial(tokens, k, opts)];
  }
  // In free text the slots are inferred, not seen: a reading that breaks its own row total is a misread
  // (columns out of order, a value from another line), so it is not trusted. Table cells are taken as printed,
  // and so is a row printed on its label's line with exactly one number per cell: nothing was inferred there, and a
  // report whose sums do not add up must be shown as it is (the checks report it), not hidden as uncertain.
  if (opts.constraint && !tokens.every((t) => t.cell)) {
    const ok = readings.filter((r) => r.every((v) => v !== null) && satisfies(r, opts.constraint!));
    if (ok.length) return ok;
    const asPrinted = m === k && readings.length === 1 && tokens.every((t) => t.row === 0 && t.kind === 'num');
    return asPrinted ? readings : [new Array<Val | null>(k).fill(null)];
  }
  return readings;
}

function shifted(all: Token[], k: number, direct: (ts: Token[]) => Reading | null, opts: FitOptions): Reading[] {
  // Empty slots right after the label, in a row with too many slots, are the label cell's own span (seed 003).
  let lead = 0;
  while (lead < all.length - k && all[lead]!.kind === 'blank') lead++;
  const tokens = all.slice(lead);
  if (tokens.length === k) {
    const exact = direct(tokens);
    if (exact) return [exact];
  }
  const rest = tokens.slice(k);
  // Trailing empty cells are colspan artefacts of flattened tables (F1): the slots are the first k.
  if (rest.every((t) => t.kind === 'blank')) {
    const first = direct(tokens.slice(0, k));
    return first ? [first] : [partial(tokens, k, opts)];
  }
  const filled = tokens.filter((t) => t.kind !== 'blank');
  // Slot reading (the first k slots) against value counting (the first or last k values: a shifted row, F6).
  const candidates = [tokens.slice(0, k)];
  if (filled.length >= k) candidates.push(filled.slice(0, k), filled.slice(-k));
  const readings = candidates.map(direct).filter((r): r is Reading => r !== null);
  return readings.length ? preferConstrained(readings, opts) : [partial(tokens, k, opts)];
}

/** Keeps the readings that satisfy the row constraint, when any does (a report may itself be inconsistent). */
function preferConstrained(readings: Reading[], opts: FitOptions): Reading[] {
  if (!opts.constraint) return readings;
  const ok = readings.filter((r) => satisfies(r, opts.constraint!));
  return ok.length ? ok : readings;
}

function satisfies(r: Reading, constraint: (values: number[]) => boolean): boolean {
  return constraint(r.map((v) => v?.value ?? 0));
}

/** Splits digit runs so that the tokens cover exactly k cells; each token covers one or more consecutive cells. */
function splitRuns(tokens: Token[], opts: FitOptions): Reading[] | null {
  const k = opts.domains.length;
  const out: Reading[] = [];
  const acc: Val[] = [];
  // room[i]: how many characters cells i..k-1 can hold together.
  const room = opts.domains.map((_, i) => opts.domains.slice(i).reduce((n, d) => n + MAX_PIECE[d], 0));
  let steps = 0;
  let overflow = false;
  const rec = (ti: number, pos: number, ci: number): void => {
    if (overflow || ++steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    if (ci === k) {
      if (ti === tokens.length && (!opts.constraint || opts.constraint(acc.map((v) => v.value ?? 0)))) {
        out.push([...acc]);
        if (out.length > MAX_READINGS) overflow = true;
      }
      return;
    }
    if (ti === tokens.length) return;
    // Each remaining token needs at least one cell.
    if (k - ci < tokens.length - ti) return;
    const tok = tokens[ti]!;
    if (tok.kind !== 'num') {
      acc.push(singleValue(tok)!);
      rec(ti + 1, 0, ci + 1);
      acc.pop();
      return;
    }
    const s = tok.text;
    // The rest of this run must fit in the cells left (a hostile 400-digit run is refused at once).
    if (s.length - pos > room[ci]!) return;
    if (pos === 0) {
      const whole = singleValue(tok);
      if (whole) {
        acc.push(whole);
        rec(ti + 1, 0, ci + 1);
        acc.pop();
      }
    }
    for (let end = pos + 1; end <= s.length; end++) {
      if (pos === 0 && end === s.length) continue; // the whole token was tried above
      const v = pieceValue(s.slice(pos, end), opts.domains[ci]!, tok.pos + pos);
      if (!v) continue;
      acc.push({ ...v, raw: s });
      if (end === s.length) rec(ti + 1, 0, ci + 1);
      else rec(ti, end, ci + 1);
      acc.pop();
    }
  };
  rec(0, 0, 0);
  return overflow ? null : dedupe(out);
}

function dedupe(readings: Reading[]): Reading[] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = r.map((v) => (v ? `${v.state}:${v.value}` : '?')).join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Nothing fits: every cell is unknown, except a lone last token standing for the total. */
function partial(tokens: Token[], k: number, opts: FitOptions): Reading {
  const r: Reading = new Array<Val | null>(k).fill(null);
  const last = tokens[tokens.length - 1];
  if (opts.lastIsTotal && last) {
    const v = singleValue(last);
    if (v) r[k - 1] = v;
  }
  return r;
}

/** Per cell: the value all readings agree on, or null (ambiguous). */
export function agreed(readings: Reading[], k: number): (Val | null)[] {
  return Array.from({ length: k }, (_, i) => {
    const first = readings[0]?.[i] ?? null;
    if (!first) return null;
    for (const r of readings) {
      const v = r[i];
      if (!v || v.state !== first.state || v.value !== first.value) return null;
    }
    return first;
  });
}
