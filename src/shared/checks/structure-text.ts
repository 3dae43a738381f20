// Prose lookup for the structure, template, metadata and privacy checks: a section's sentences and normalised text,
// and whether a sentence is a table flattened into text rather than prose.
import { normalizeText } from '../normalize/text';
import type { Section } from '../model/report';
import { spanOf, type EvalContext, type Sentence } from './context';
import type { Span } from './types';

export function sectionOf(ctx: EvalContext, no: number): Section | undefined {
  return ctx.report.sections.find((s) => s.no === no);
}

const KEYS = new WeakMap<EvalContext, Map<number, string | null>>();

/** The section's body (heading excluded), normalised and without spaces, for keyword tests; null when absent. Once per report. */
export function sectionKey(ctx: EvalContext, no: number): string | null {
  let keys = KEYS.get(ctx);
  if (!keys) KEYS.set(ctx, (keys = new Map()));
  if (keys.has(no)) return keys.get(no) ?? null;
  const sec = sectionOf(ctx, no);
  const key = sec ? normalizeText(sec.text, ctx.traditional).replace(/\s/g, '') : null;
  keys.set(no, key);
  return key;
}

/**
 * The sentences of a section. A parse that kept the whole body as one paragraph (flattened web-page text) tags every
 * sentence with the last section, so membership is decided by the section's own text as well.
 */
export function sentencesIn(ctx: EvalContext, no: number): Sentence[] {
  const sec = sectionOf(ctx, no);
  if (!sec) return [];
  return ctx.sentences.filter((s) => sec.text.includes(s.text) && (s.section === no || s.text.length >= 8));
}

/** Spans of the first sentences that match, at most `max`. */
export function spansWhere(sentences: readonly Sentence[], re: RegExp, max = 3): Span[] {
  return sentences
    .filter((s) => re.test(s.key))
    .slice(0, max)
    .map(spanOf);
}

/** Labels of the national tables: a sentence holding several of them is a table flattened into text, not prose. */
const TABLE_LABELS =
  /第二十条|信息内容|本年制发件数|本年新制作数量|处理决定数量|本年新收|上年结转|予以公开|部分公开|不予公开|无法提供|不予处理|申请人情况|结果维持|结果纠正|尚未审结|行政事业性收费|结转下年度/g;

export function flattenedTable(norm: string): boolean {
  return (norm.replace(/\s/g, '').match(TABLE_LABELS)?.length ?? 0) >= 2;
}
