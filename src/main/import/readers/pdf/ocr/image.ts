// Page image work for OCR: grey with red seals removed, Otsu threshold, deskew by projection profile, ruling lines found
// in the binarised image (as Segments in page points) and erased so the recogniser sees only text.
import type { Segment } from '../types';

/** Pixels darker than this are ink in a cell's crop: scanned print is often grey, lighter than Otsu's cut. */
export const INK = 170;

/** A grey image, one byte per pixel (0 black … 255 white). */
export interface Grey {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Grey from RGBA; red ink (a seal, a signature in red) becomes paper, black text under it stays black. */
export function greyFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): Grey {
  const data = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < data.length; i++, p += 4) {
    const r = rgba[p]!;
    const g = rgba[p + 1]!;
    const b = rgba[p + 2]!;
    data[i] = r > 150 && r - Math.max(g, b) > 50 ? 255 : (r * 299 + g * 587 + b * 114) / 1000;
  }
  return { width, height, data };
}

/** Otsu's threshold: pixels darker than it are ink. */
export function otsu(img: Grey): number {
  const hist = new Array<number>(256).fill(0);
  for (const v of img.data) hist[v]!++;
  const total = img.data.length;
  let sum = 0;
  for (let t = 0; t < 256; t++) sum += t * hist[t]!;
  let sumB = 0;
  let wB = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]!;
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += t * hist[t]!;
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  // A blank page has no bimodal histogram: never call light noise ink.
  return Math.min(threshold, 160);
}

/** Ink mask: 1 where the pixel is darker than the threshold. */
export function binarise(img: Grey, threshold = otsu(img)): Uint8Array {
  const out = new Uint8Array(img.data.length);
  for (let i = 0; i < out.length; i++) out[i] = img.data[i]! < threshold ? 1 : 0;
  return out;
}

/** Share of ink pixels: a blank page is almost none, a photo is a lot. */
export function inkShare(mask: Uint8Array): number {
  let n = 0;
  for (const v of mask) n += v;
  return mask.length ? n / mask.length : 0;
}

/**
 * Skew in degrees (positive: the content is rotated clockwise), by maximising the variance of the horizontal
 * projection of ink over candidate angles; text lines and table rules give sharp peaks when level.
 */
export function estimateSkew(mask: Uint8Array, width: number, height: number, maxDeg = 4): number {
  const step = Math.max(1, Math.round(Math.min(width, height) / 600));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      if (mask[y * width + x]) {
        xs.push(x - width / 2);
        ys.push(y);
      }
    }
  }
  if (xs.length < 200) return 0;
  // Too many points cost time without sharpening the estimate.
  const stride = Math.max(1, Math.floor(xs.length / 60_000));
  const score = (deg: number): number => {
    const t = Math.tan((deg * Math.PI) / 180);
    const bins = new Map<number, number>();
    for (let i = 0; i < xs.length; i += stride) {
      const k = Math.round((ys[i]! + xs[i]! * t) / step);
      bins.set(k, (bins.get(k) ?? 0) + 1);
    }
    let s = 0;
    for (const v of bins.values()) s += v * v;
    return s;
  };
  let best = 0;
  let bestScore = score(0);
  for (let d = -maxDeg; d <= maxDeg + 1e-9; d += 0.25) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  const coarse = best;
  for (let d = coarse - 0.25; d <= coarse + 0.25 + 1e-9; d += 0.05) {
    const s = score(d);
    if (s > bestScore) [best, bestScore] = [d, s];
  }
  return Math.round(best * 100) / 100;
}

interface Run {
  at: number;
  from: number;
  to: number;
}

/** Runs of ink along one line of pixels at least `minLen` long, bridging gaps up to `gap` pixels. */
function runsAlong(get: (i: number) => number, length: number, minLen: number, gap: number, at: number, out: Run[]): void {
  let start = -1;
  let lastInk = -1;
  for (let i = 0; i <= length; i++) {
    const ink = i < length && get(i) === 1;
    if (ink) {
      if (start < 0) start = i;
      lastInk = i;
    } else if (start >= 0 && i - lastInk > gap) {
      if (lastInk - start + 1 >= minLen) out.push({ at, from: start, to: lastInk + 1 });
      start = -1;
    }
  }
}

/** Pixel runs on neighbouring lines that overlap are one rule: its centre line and extent. */
function groupRuns(runs: Run[], maxThickness: number): Run[] {
  runs.sort((a, b) => a.at - b.at || a.from - b.from);
  const open: { first: number; last: number; from: number; to: number; sum: number; n: number }[] = [];
  const done: Run[] = [];
  const close = (g: (typeof open)[number]) => {
    if (g.last - g.first + 1 <= maxThickness) done.push({ at: g.sum / g.n, from: g.from, to: g.to });
  };
  for (const r of runs) {
    let hit: (typeof open)[number] | undefined;
    for (let k = open.length - 1; k >= 0; k--) {
      const g = open[k]!;
      if (r.at - g.last > 1) {
        close(g);
        open.splice(k, 1);
        continue;
      }
      if (!hit && r.from < g.to && r.to > g.from) hit = g;
    }
    if (hit) {
      hit.last = r.at;
      hit.from = Math.min(hit.from, r.from);
      hit.to = Math.max(hit.to, r.to);
      hit.sum += r.at;
      hit.n++;
    } else open.push({ first: r.at, last: r.at, from: r.from, to: r.to, sum: r.at, n: 1 });
  }
  open.forEach(close);
  return done;
}

export interface Rules {
  /** Ruling segments in page points (top-left origin), ready for the ruled-table builder. */
  segments: Segment[];
  /** Ink pixels that belong to rules (to erase before recognition). */
  ruleMask: Uint8Array;
}

/**
 * Horizontal and vertical rules: ink runs longer than about three characters (no stroke of a Chinese character is),
 * at most a few pixels thick. `scale` is pixels per point.
 */
export function findRules(mask: Uint8Array, width: number, height: number, scale: number): Rules {
  const minLen = Math.round(28 * scale);
  const gap = Math.max(2, Math.round(scale));
  const thick = Math.max(4, Math.round(2.5 * scale));
  const hRuns: Run[] = [];
  for (let y = 0; y < height; y++) runsAlong((x) => mask[y * width + x]!, width, minLen, gap, y, hRuns);
  const vRuns: Run[] = [];
  for (let x = 0; x < width; x++) runsAlong((y) => mask[y * width + x]!, height, minLen, gap, x, vRuns);
  const ruleMask = new Uint8Array(mask.length);
  for (const r of hRuns) for (let x = r.from; x < r.to; x++) ruleMask[r.at * width + x] = 1;
  for (const r of vRuns) for (let y = r.from; y < r.to; y++) ruleMask[y * width + r.at] = 1;
  const segments: Segment[] = [
    ...groupRuns(hRuns, thick).map((r): Segment => ({ dir: 'h', at: r.at / scale, from: r.from / scale, to: r.to / scale })),
    ...groupRuns(vRuns, thick).map((r): Segment => ({ dir: 'v', at: r.at / scale, from: r.from / scale, to: r.to / scale })),
  ];
  return { segments, ruleMask };
}

/**
 * The page as clean black ink on white for the recogniser: rule pixels (and two pixels around them, where the blur of
 * a scanned rule lies) painted white, so rules and their halos are not read as 1, l, | or 0.
 */
export function eraseRules(img: Grey, ruleMask: Uint8Array, threshold = otsu(img)): Grey {
  const { width, height } = img;
  // Strokes keep their grey edges (the recogniser reads them better than a hard threshold); paper and faint halos
  // (lighter than halfway between the threshold and white) become white.
  const paper = threshold + (255 - threshold) / 2;
  const data = img.data.map((v) => (v > paper ? 255 : v));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ruleMask[y * width + x]) continue;
      for (let dy = -2; dy <= 2; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -2; dx <= 2; dx++) {
          const xx = x + dx;
          if (xx >= 0 && xx < width) data[yy * width + xx] = 255;
        }
      }
    }
  }
  return { width, height, data };
}

/** Grey as RGBA (for a canvas). */
export function rgbaFromGrey(img: Grey): Uint8ClampedArray {
  const out = new Uint8ClampedArray(img.width * img.height * 4);
  for (let i = 0, p = 0; i < img.data.length; i++, p += 4) {
    const v = img.data[i]!;
    out[p] = v;
    out[p + 1] = v;
    out[p + 2] = v;
    out[p + 3] = 255;
  }
  return out;
}

/** The part of an image inside [x0, x1) × [y0, y1) (clipped to the image), scaled by `f` (bilinear). */
export function cropScaled(img: Grey, x0: number, y0: number, x1: number, y1: number, f: number): Grey {
  const left = Math.max(0, Math.floor(x0));
  const top = Math.max(0, Math.floor(y0));
  const w = Math.max(1, Math.min(img.width, Math.ceil(x1)) - left);
  const h = Math.max(1, Math.min(img.height, Math.ceil(y1)) - top);
  const width = Math.max(1, Math.round(w * f));
  const height = Math.max(1, Math.round(h * f));
  const data = new Uint8Array(width * height);
  const at = (x: number, y: number) => img.data[Math.min(img.height - 1, top + y) * img.width + Math.min(img.width - 1, left + x)]!;
  for (let y = 0; y < height; y++) {
    const sy = Math.min(h - 1, Math.max(0, (y + 0.5) / f - 0.5));
    const y0i = Math.floor(sy);
    const fy = sy - y0i;
    for (let x = 0; x < width; x++) {
      const sx = Math.min(w - 1, Math.max(0, (x + 0.5) / f - 0.5));
      const x0i = Math.floor(sx);
      const fx = sx - x0i;
      const x1i = Math.min(w - 1, x0i + 1);
      const y1i = Math.min(h - 1, y0i + 1);
      const top2 = at(x0i, y0i) * (1 - fx) + at(x1i, y0i) * fx;
      const bottom = at(x0i, y1i) * (1 - fx) + at(x1i, y1i) * fx;
      data[y * width + x] = Math.round(top2 * (1 - fy) + bottom * fy);
    }
  }
  return { width, height, data };
}

/**
 * Images stacked top to bottom on white, left-aligned, `gap` pixels apart and `margin` from the edges: one table cell
 * per slot, so a block reader gives each its own line(s). Returns the strip and each slot's rows [top, bottom).
 */
export function stack(parts: Grey[], gap: number, margin: number): { image: Grey; slots: [number, number][] } {
  const width = Math.max(1, ...parts.map((p) => p.width)) + 2 * margin;
  const height = parts.reduce((s, p) => s + p.height, 0) + gap * Math.max(0, parts.length - 1) + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  const slots: [number, number][] = [];
  let y = margin;
  for (const p of parts) {
    for (let r = 0; r < p.height; r++) data.set(p.data.subarray(r * p.width, (r + 1) * p.width), (y + r) * width + margin);
    slots.push([y, y + p.height]);
    y += p.height + gap;
  }
  return { image: { width, height, data }, slots };
}

/**
 * A value cell's crop without the underline under its digits (hyperlink-style text in Word exports): at the bottom of
 * the ink, a band at most `ppp` pixels (1 pt) thick, under a row with no ink. Left in, "0" over its underline reads
 * as 口, 吕 or 品. The crop is changed in place.
 */
export function eraseUnderline(crop: Grey, ppp: number): void {
  const { width, height, data } = crop;
  const dark = (y: number) => {
    let n = 0;
    for (let x = 0; x < width; x++) if (data[y * width + x]! < INK) n++;
    return n;
  };
  let bottom = height - 1;
  while (bottom >= 0 && dark(bottom) === 0) bottom--;
  if (bottom < 0) return;
  let top = bottom;
  while (top > 0 && dark(top - 1) > 0 && bottom - top + 1 <= ppp) top--;
  const band = bottom - top + 1;
  // The band must be thin, separated from the ink above by a clean row, and wide (a line, not a digit's foot).
  if (band > ppp || top === 0 || dark(top - 1) !== 0 || dark(bottom) < 2.5 * ppp) return;
  let above = top - 1;
  while (above >= 0 && dark(above) === 0) above--;
  if (above < 0) return;
  for (let y = top; y <= bottom; y++) data.fill(255, y * width, (y + 1) * width);
}

/** The part of a crop holding its ink (pixels darker than INK) with `pad` pixels around; the crop if blank. */
export function trimToInk(crop: Grey, pad: number): Grey {
  const { width, height, data } = crop;
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[y * width + x]! >= INK) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  if (x1 < 0) return crop;
  // A lone narrow glyph ("1") keeps paper around it at least as wide as it is tall: the recogniser drops it otherwise.
  const extra = Math.max(0, y1 - y0 - (x1 - x0)) / 2;
  return cropScaled(crop, x0 - pad - extra, y0 - pad, x1 + 1 + pad + extra, y1 + 1 + pad, 1);
}
