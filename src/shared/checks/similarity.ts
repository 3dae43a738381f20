// How much of a report's prose is found in another report: char 5-gram containment per section, template boilerplate left out.
import type { ReportModel } from '../model/report';
import { looksTraditional } from '../normalize/text';
import { sentencesOf, type Sentence } from './context';
import type { Span } from './types';
import { isTableLine } from './text-numbers';

const SHINGLE = 5;
/** A sentence counts as taken from the other text when this share of its shingles is found there. */
const COPIED = 0.5;
/** Sentences this short (after cleaning) carry no evidence of copying. */
const MIN_SENTENCE = 8;
const MINHASH_K = 48;

/** One sentence's shingles, with where it is printed. */
export interface PrintSentence {
  span: Span;
  /** Length after cleaning (CJK and letters; digits folded), the weight of the sentence. */
  len: number;
  shingles: Uint32Array;
}

/** The fingerprint of one section (or of the whole prose): its sentences, the set of all shingles, a MinHash sketch. */
export interface SectionPrint {
  sentences: PrintSentence[];
  set: Set<number>;
  chars: number;
  sketch: Uint32Array;
}

export interface ReportPrint {
  /** Sections 1–6 that have prose (after boilerplate is left out). */
  sections: Map<number, SectionPrint>;
  /** All prose: the untitled preamble and sections 一, 五, 六 (tables' sections hold only labels). */
  whole: SectionPrint;
}

/**
 * Sentences every report shares because the template or the custom of the genre dictates them: the statutory headings,
 * the five aspects of 总体情况 as sub-headings, the statistics-period and contact sentences, the compilation basis,
 * the fee and "nothing else to report" formulas. Copying them is not copying.
 */
const BOILERPLATE = [
  /^[一二三四五六七八九十]、/, // statutory and numbered headings
  /^\(?[一二三四五六七八九十\d]{1,2}[)、.]?[^,;:。]{0,14}[。:]?$/, // short sub-headings "(一)主动公开方面。"
  /统计(期限|时限|时间|数据)/,
  /本报告/,
  /本年度报告/,
  /如对[^。]{0,10}(报告|本报告)[^。]{0,6}(疑问|意见|问题)/,
  /(联系|咨询)(电话|地址|方式)|邮政编码|邮编|电子邮箱/,
  /(根据|依据|按照)[^。]{0,40}(条例|通知|要求)[^。]{0,30}(编制|制定|编写|形成|完成)/,
  /(门户网站|网站)[^。]{0,20}(下载|查阅|公布|发布)[^。]{0,10}本?报告/,
  /信息处理费/,
  /(无|没有)其他需要报告的事项/,
  /^(无|暂无|没有)[。.]?$/,
];

/** Whether a normalised sentence is template boilerplate (see BOILERPLATE). */
export function isBoilerplate(norm: string): boolean {
  const compact = norm.replace(/ /g, '');
  return isTableLine(compact) || BOILERPLATE.some((re) => re.test(compact));
}

/** Only the words: punctuation, spaces and bracket marks go, every digit run becomes one 0 (a changed year is still a copy). */
function clean(norm: string): string {
  return norm.replace(/\d+(\.\d+)?/g, '0').replace(/[^\p{Script=Han}\p{L}0]/gu, '');
}

/** FNV-1a over the UTF-16 code units of a shingle. */
function hash(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shinglesOf(text: string): Uint32Array {
  if (text.length <= SHINGLE) return Uint32Array.of(hash(text, 0, text.length));
  const out = new Uint32Array(text.length - SHINGLE + 1);
  for (let i = 0; i + SHINGLE <= text.length; i++) out[i] = hash(text, i, i + SHINGLE);
  return out;
}

/** Fixed odd multipliers and offsets for the MinHash permutations (deterministic: fingerprints are comparable across runs). */
const MH_A = Uint32Array.from({ length: MINHASH_K }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0);
const MH_B = Uint32Array.from({ length: MINHASH_K }, (_, i) => Math.imul(i + 7, 0x85ebca6b) >>> 0);

function sketchOf(set: Set<number>): Uint32Array {
  const mins = new Uint32Array(MINHASH_K).fill(0xffffffff);
  for (const h of set) {
    for (let k = 0; k < MINHASH_K; k++) {
      const v = (Math.imul(h ^ (MH_B[k] ?? 0), MH_A[k] ?? 1) + (MH_B[k] ?? 0)) >>> 0;
      if (v < (mins[k] ?? 0)) mins[k] = v;
    }
  }
  return mins;
}

function sectionPrint(sentences: PrintSentence[]): SectionPrint {
  const set = new Set<number>();
  let chars = 0;
  for (const s of sentences) {
    chars += s.len;
    for (const h of s.shingles) set.add(h);
  }
  return { sentences, set, chars, sketch: sketchOf(set) };
}

const CACHE = new WeakMap<ReportModel, ReportPrint>();

/** The text context.ts also uses to decide the script. */
function sampleOf(report: ReportModel): string {
  return [report.title ?? '', ...report.sections.map((s) => s.text)].join('').slice(0, 20000);
}

/**
 * The report's fingerprint, computed once per model object (peers are compared many times) and cached in a WeakMap:
 * a model whose prose is edited in place must be a new object to be fingerprinted again. `sentences` may pass the
 * sentences an EvalContext already split and normalised, to save doing it twice.
 */
export function fingerprint(report: ReportModel, sentences?: readonly Sentence[]): ReportPrint {
  const hit = CACHE.get(report);
  if (hit) return hit;
  const bySection = new Map<number, PrintSentence[]>();
  const whole: PrintSentence[] = [];
  for (const s of sentences ?? sentencesOf(report, looksTraditional(sampleOf(report)))) {
    if (isBoilerplate(s.norm)) continue;
    const text = clean(s.norm);
    if (text.length < MIN_SENTENCE) continue;
    const ps: PrintSentence = { span: { text: s.text, source: s.source }, len: text.length, shingles: shinglesOf(text) };
    const no = s.section ?? 0;
    if (!bySection.has(no)) bySection.set(no, []);
    bySection.get(no)?.push(ps);
    if (no === 0 || no === 1 || no === 5 || no === 6) whole.push(ps);
  }
  const sections = new Map<number, SectionPrint>();
  for (const [no, list] of bySection) sections.set(no, sectionPrint(list));
  const print = { sections, whole: sectionPrint(whole) };
  CACHE.set(report, print);
  return print;
}

/** Share of a sentence's shingles found in a set. */
function containment(shingles: Uint32Array, set: Set<number>): number {
  let hit = 0;
  for (const h of shingles) if (set.has(h)) hit++;
  return shingles.length ? hit / shingles.length : 0;
}

/**
 * Cheap upper estimate of how much of `a` is contained in `b`, from the MinHash sketches (Jaccard estimate turned into
 * containment with the set sizes). Used to skip peers that cannot reach the warning level.
 */
export function estimateContainment(a: SectionPrint, b: SectionPrint): number {
  if (a.set.size === 0 || b.set.size === 0) return 0;
  let same = 0;
  for (let k = 0; k < MINHASH_K; k++) if (a.sketch[k] === b.sketch[k]) same++;
  const j = same / MINHASH_K;
  const inter = (j * (a.set.size + b.set.size)) / (1 + j);
  return Math.min(1, inter / a.set.size);
}

export interface SentencePair {
  /** The sentence of the report under review. */
  a: Span;
  /** The most similar sentence of the other report. */
  b: Span;
  /** Share of a's shingles found in the other section (0–1). */
  score: number;
}

export interface SectionMatch {
  /** Length-weighted share of a's text found in b: Σ len·containment over a's copied sentences / Σ len (0–1). */
  similarity: number;
  /** Copied sentences of a with their closest sentence in b, longest first. */
  pairs: SentencePair[];
  /** Characters (after cleaning) compared on a's side. */
  chars: number;
}

const POSTINGS = new WeakMap<SectionPrint, Map<number, number[]>>();

/** Shingle → indices of the sentences holding it, built once per section when pairs are first asked for. */
function postingsOf(b: SectionPrint): Map<number, number[]> {
  let index = POSTINGS.get(b);
  if (index) return index;
  index = new Map();
  b.sentences.forEach((s, i) => {
    for (const h of new Set(s.shingles)) {
      const list = index?.get(h);
      if (list) list.push(i);
      else index?.set(h, [i]);
    }
  });
  POSTINGS.set(b, index);
  return index;
}

/** The sentence of b sharing most shingles with the given ones. */
function bestPartner(shingles: Uint32Array, b: SectionPrint): PrintSentence | undefined {
  const index = postingsOf(b);
  const hits = new Map<number, number>();
  for (const h of new Set(shingles)) for (const i of index.get(h) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
  let best = -1;
  let bestHits = 0;
  for (const [i, n] of hits) {
    if (n > bestHits) {
      bestHits = n;
      best = i;
    }
  }
  return b.sentences[best];
}

/**
 * How much of section `a` is found in section `b`. A sentence counts with the share of its shingles found in b
 * when that share reaches one half (a sentence sharing only stock phrases counts nothing), weighted by its length.
 * Directional: this year's text measured against last year's, not the reverse.
 */
export function compareSections(a: SectionPrint | undefined, b: SectionPrint | undefined, withPairs = true): SectionMatch {
  if (!a || !b || a.chars === 0 || b.chars === 0) return { similarity: 0, pairs: [], chars: a?.chars ?? 0 };
  let weighted = 0;
  const copied: { s: PrintSentence; c: number }[] = [];
  for (const s of a.sentences) {
    const c = containment(s.shingles, b.set);
    if (c < COPIED) continue;
    weighted += c * s.len;
    copied.push({ s, c });
  }
  const pairs: SentencePair[] = [];
  if (withPairs) {
    copied.sort((x, y) => y.s.len - x.s.len);
    for (const { s, c } of copied.slice(0, 30)) {
      const partner = bestPartner(s.shingles, b);
      if (partner) pairs.push({ a: s.span, b: partner.span, score: Math.round(c * 100) / 100 });
    }
  }
  return { similarity: weighted / a.chars, pairs, chars: a.chars };
}

/** Section `no` (1–6) or 'whole' of a fingerprint. */
export function sectionOf(print: ReportPrint, no: number | 'whole'): SectionPrint | undefined {
  return no === 'whole' ? print.whole : print.sections.get(no);
}

/** Similarity (0–1) of report a's section to report b's, with the matched sentence pairs. */
export function similarity(a: ReportModel, b: ReportModel, no: number | 'whole'): SectionMatch {
  return compareSections(sectionOf(fingerprint(a), no), sectionOf(fingerprint(b), no));
}
