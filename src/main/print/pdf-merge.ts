// Concatenates the PDFs Chromium prints (one per sheet, so each numbers its own pages) into one file: every object is
// renumbered and each input's page tree hangs under one new root. Only the classic xref-table form Chromium (Skia)
// writes is read; anything else is refused rather than guessed at.

export class PdfMergeError extends Error {}

interface Parsed {
  /** Objects in use, by number: the text from "N G obj" to "endobj" (bytes as latin1). */
  objects: Map<number, string>;
  root: number;
  info: number | null;
}

const REF = /\b(\d+)\s+(\d+)\s+R\b/g;

function parse(bytes: Uint8Array): Parsed {
  const s = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const sx = s.lastIndexOf('startxref');
  const xrefAt = sx < 0 ? NaN : Number(/startxref\s+(\d+)/.exec(s.slice(sx))?.[1]);
  if (!Number.isFinite(xrefAt) || !s.startsWith('xref', xrefAt)) throw new PdfMergeError('PDF 的交叉引用表无法读取');
  const offsets = new Map<number, number>();
  const re = /(\d+)\s+(\d+)\s*\r?\n|(\d{10}) (\d{5}) ([nf])\s*\r?\n?|trailer/y;
  re.lastIndex = xrefAt + 4;
  while (/\s/.test(s[re.lastIndex] ?? '')) re.lastIndex++;
  let next = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === 'trailer') break;
    if (m[1] !== undefined) next = Number(m[1]);
    else {
      if (m[5] === 'n') offsets.set(next, Number(m[3]));
      next++;
    }
  }
  const trailer = s.slice(s.indexOf('trailer', xrefAt), sx);
  const root = Number(/\/Root\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1]);
  const infoM = /\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer);
  if (!Number.isFinite(root) || offsets.size === 0) throw new PdfMergeError('PDF 缺少目录（Root）');
  const sorted = [...offsets.entries()].sort((a, b) => a[1] - b[1]);
  const objects = new Map<number, string>();
  sorted.forEach(([num, off], i) => {
    const bound = sorted[i + 1]?.[1] ?? xrefAt;
    const chunk = s.slice(off, bound);
    const end = chunk.lastIndexOf('endobj');
    if (!chunk.startsWith(`${num} `) || end < 0) throw new PdfMergeError(`PDF 对象 ${num} 无法读取`);
    objects.set(num, chunk.slice(0, end + 6));
  });
  return { objects, root, info: infoM ? Number(infoM[1]) : null };
}

/** The object with its number and references renumbered; stream data is copied byte for byte. */
function renumber(obj: string, num: number, map: (n: number) => number): string {
  const head = /^\d+\s+\d+\s+obj/.exec(obj)![0];
  let body = obj.slice(head.length);
  const streamAt = body.search(/>>\s*stream\r?\n/);
  const dict = streamAt < 0 ? body : body.slice(0, streamAt);
  const rest = streamAt < 0 ? '' : body.slice(streamAt);
  body = dict.replace(REF, (_m, n: string) => `${map(Number(n))} 0 R`) + rest;
  return `${num} 0 obj${body}`;
}

function utf16Hex(s: string): string {
  let out = 'FEFF';
  for (let i = 0; i < s.length; i++) out += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${out}>`;
}

/** Page count of one PDF as Chromium wrote it (the /Count of its page tree's root). */
export function pageCount(bytes: Uint8Array): number {
  const p = parse(bytes);
  const pagesRef = /\/Pages\s+(\d+)\s+\d+\s+R/.exec(p.objects.get(p.root) ?? '');
  const pages = pagesRef ? p.objects.get(Number(pagesRef[1])) : undefined;
  return Number(/\/Count\s+(\d+)/.exec(pages ?? '')?.[1] ?? 0);
}

export function mergePdfs(files: readonly Uint8Array[], title = ''): { bytes: Uint8Array; pages: number } {
  if (files.length === 0) throw new PdfMergeError('没有可合并的 PDF');
  const out: string[] = ['%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'];
  const offsets: number[] = [];
  let length = out[0]!.length;
  const write = (num: number, text: string): void => {
    offsets[num] = length;
    const chunk = `${text}\n`;
    out.push(chunk);
    length += chunk.length;
  };
  // 1: catalog, 2: the new page-tree root, 3: info; each input's objects follow.
  let nextNum = 4;
  const kids: number[] = [];
  let pages = 0;
  for (const file of files) {
    const p = parse(file);
    const pagesNum = Number(/\/Pages\s+(\d+)\s+\d+\s+R/.exec(p.objects.get(p.root) ?? '')?.[1]);
    const pagesObj = p.objects.get(pagesNum);
    if (!pagesObj) throw new PdfMergeError('PDF 缺少页面树');
    const base = nextNum;
    const numbers = new Map<number, number>();
    for (const n of p.objects.keys()) if (n !== p.root && n !== p.info) numbers.set(n, nextNum++);
    const map = (n: number): number => numbers.get(n) ?? 0;
    for (const [n, obj] of p.objects) {
      if (n === p.root || n === p.info) continue;
      let text = renumber(obj, map(n), map);
      if (n === pagesNum) text = text.replace(/<</, '<</Parent 2 0 R ');
      write(map(n), text);
    }
    kids.push(map(pagesNum));
    pages += Number(/\/Count\s+(\d+)/.exec(pagesObj)?.[1] ?? 0);
    if (nextNum === base) throw new PdfMergeError('PDF 没有对象');
  }
  write(1, '1 0 obj\n<</Type /Catalog /Pages 2 0 R>>\nendobj');
  write(2, `2 0 obj\n<</Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${pages}>>\nendobj`);
  write(3, `3 0 obj\n<</Title ${utf16Hex(title)} /Producer (Report Inspector)>>\nendobj`);
  const xrefAt = length;
  let xref = `xref\n0 ${nextNum}\n0000000000 65535 f \n`;
  for (let n = 1; n < nextNum; n++) xref += `${String(offsets[n] ?? 0).padStart(10, '0')} 00000 n \n`;
  out.push(xref, `trailer\n<</Size ${nextNum} /Root 1 0 R /Info 3 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return { bytes: Buffer.from(out.join(''), 'latin1'), pages };
}
