// Finds the six statutory sections by their numeral and key nouns (domain.md §2.2), fuzzy on wording.
import type { Section } from '../model/report';
import { rawText, type Stream } from './stream';

const HEADINGS: { no: number; numeral: string; keys: string[] }[] = [
  { no: 1, numeral: '一', keys: ['总体情况', '概述', '基本情况'] },
  { no: 2, numeral: '二', keys: ['主动公开'] },
  { no: 3, numeral: '三', keys: ['收到和处理', '依申请公开', '政府信息公开申请'] },
  { no: 4, numeral: '四', keys: ['复议', '诉讼'] },
  { no: 5, numeral: '五', keys: ['存在的主要问题', '主要问题', '问题及改进', '改进情况'] },
  { no: 6, numeral: '六', keys: ['其他需要报告', '其他事项', '其他需报告'] },
];

const TAIL = /^[^。；;，,]{0,12}?(情况|事项)/;

interface Found {
  no: number;
  start: number;
  titleEnd: number;
}

/** A found section and the stream range it covers (heading included). */
export interface SectionRange {
  section: Section;
  start: number;
  end: number;
}

/** Section headings in order; each must follow the previous one. */
export function findSections(stream: Stream): SectionRange[] {
  const found: Found[] = [];
  let kFrom = 0;
  for (const h of HEADINGS) {
    const re = new RegExp(`${h.numeral}[、.]([^。；;、]{0,14}?)(${h.keys.join('|')})`, 'g');
    re.lastIndex = kFrom;
    const m = re.exec(stream.key);
    if (!m) continue;
    const kStart = m.index;
    let kEnd = kStart + m[0].length;
    // The heading goes on to its closing noun ("主动公开" + "政府信息情况"), unless the key already ends with it.
    if (!/(情况|事项)$/.test(m[0])) kEnd += TAIL.exec(stream.key.slice(kEnd, kEnd + 14))?.[0].length ?? 0;
    found.push({ no: h.no, start: stream.keyToText[kStart]!, titleEnd: stream.keyToText[kEnd - 1]! + 1 });
    kFrom = kEnd;
  }
  return found.map((f, i) => {
    const end = found[i + 1]?.start ?? stream.text.length;
    // Shown as printed: normalisation is for finding the headings only.
    const section = {
      no: f.no,
      title: oneLine(rawText(stream, f.start, f.titleEnd)),
      text: rawText(stream, f.titleEnd, end)
        .replace(/\n{2,}/g, '\n')
        .trim(),
    };
    return { section, start: f.start, end };
  });
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, '');
}
