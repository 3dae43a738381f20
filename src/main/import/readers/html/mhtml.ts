// Pulls the HTML part out of a "single file web page" (.mht/.mhtml, MIME multipart/related) and decodes it.
import iconv from 'iconv-lite';
import { decodeHtmlBytes } from './decode';

/** Whether the bytes are a MIME web archive rather than plain HTML. */
export function isMhtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /^(MIME-Version|From|Subject|Date|Content-Type)\s*:/im.test(head) && /multipart\/related/i.test(head) && !/^\s*</.test(head);
}

function decodeQuotedPrintable(s: string): Buffer {
  const joined = s.replace(/=\r?\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  );
}

interface MimePart {
  headers: string;
  body: string;
}

function splitParts(raw: string): MimePart[] {
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!boundary) return [];
  return raw
    .split(`--${boundary}`)
    .slice(1)
    .map((chunk) => {
      const cut = chunk.search(/\r?\n\r?\n/);
      return cut < 0 ? { headers: chunk, body: '' } : { headers: chunk.slice(0, cut), body: chunk.slice(cut).replace(/^\r?\n\r?\n/, '') };
    });
}

/** Text of the archive's first text/html part, or undefined when there is none. */
export function mhtmlToText(bytes: Uint8Array): string | undefined {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const part = splitParts(raw).find((p) => /content-type\s*:\s*text\/html/i.test(p.headers));
  if (!part) return undefined;
  const encoding = /content-transfer-encoding\s*:\s*([\w-]+)/i.exec(part.headers)?.[1]?.toLowerCase();
  const data =
    encoding === 'base64'
      ? Buffer.from(part.body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(part.body)
        : Buffer.from(part.body, 'latin1');
  const charset = /charset\s*=\s*"?([\w.:-]+)"?/i.exec(part.headers)?.[1]?.toLowerCase();
  if (charset && !/^utf-?8$/.test(charset)) {
    const name = /^(gb2312|gbk|x-gbk|cp936)$/.test(charset) ? 'gb18030' : charset;
    if (iconv.encodingExists(name)) return iconv.decode(data, name);
  }
  return decodeHtmlBytes(new Uint8Array(data)).text;
}
