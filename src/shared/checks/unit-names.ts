// Unit names reduced to one comparable form, so that the same unit's reports of different years can be matched.
import { normalizeText } from '../normalize/text';

/**
 * Decisions (documented because they decide which report counts as "last year's"):
 * - script, width and spacing do not matter: traditional → simplified, NFKC, all spaces and brackets' contents
 *   ("（本级）", "(2024年)") removed;
 * - 人民政府 → 政府, 管理委员会 → 管委会, 街道办事处 / 街道办 → 街道;
 * - a government is its place: "低庄镇人民政府" = "低庄镇", "溆浦县人民政府" = "溆浦县", "XX区管委会" = "XX区";
 * - 办公室 is kept for county-level governments: 县人民政府办公室 is a separate 县直部门 that publishes its own report,
 *   distinct from the 县人民政府 report compiled by the 主管部门. A township or street has no separately reporting
 *   office, so "XX镇人民政府办公室" / "XX镇党政办公室" (the office that drafts the town's report) is the town;
 * - abbreviations (发改委 for 发展和改革委员会) are not expanded: they are matched only when written the same way.
 */
export function normalizeUnitName(name: string | null | undefined): string {
  if (!name) return '';
  const hit = MEMO.get(name);
  if (hit !== undefined) return hit;
  const out = normalizeOnce(name);
  // Names recur thousands of times when a library is graded; script conversion is not free.
  if (MEMO.size > 20_000) MEMO.clear();
  MEMO.set(name, out);
  return out;
}

const MEMO = new Map<string, string>();

function normalizeOnce(name: string): string {
  // A name is too short for script detection; converting simplified text as traditional leaves it unchanged.
  let s = normalizeText(name, true).replace(/\s+/g, '');
  s = s.replace(/\([^)]*\)|\[[^\]]*\]|<[^>]*>/g, '');
  s = s.replace(/["'《》〈〉「」『』、,.，。:：;；]/g, '');
  s = s.replace(/人民政府/g, '政府').replace(/管理委员会/g, '管委会');
  s = s.replace(/街道办事处|街道办(?!公)/g, '街道');
  // The township's office drafts the township's report: it is not a unit of its own.
  s = s.replace(/(镇|乡|街道)(政府)?(党政)?(办公室|办)$/, '$1');
  // A government is named by its place.
  s = s.replace(/(省|市|县|区|镇|乡|旗|州|盟)(政府|管委会)$/, '$1');
  return s;
}

/** Administrative-division characters that end a place prefix ("福建省", "溆浦县"). */
const PLACE_END = /[省市县区州盟旗]$/;

/** A name that is only a type of unit ("政府", "财政局" without its county is still specific enough; "局" is not). */
function tooGeneric(name: string): boolean {
  return name.length < 3 || /^(本|我|该)/.test(name);
}

/**
 * Whether two names denote the same unit: equal after normalisation, or one is the other without its place prefix
 * ("低庄镇" and "溆浦县低庄镇", "财政局" and "溆浦县财政局"). Two different prefixes ("祁东县财政局",
 * "溆浦县财政局") are different units. Within one library (one county) the prefix rule is safe; across counties a
 * bare department name may match another county's department, so callers should prefer exact matches.
 */
export function sameUnit(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = normalizeUnitName(a);
  const y = normalizeUnitName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (tooGeneric(short) || !long.endsWith(short)) return false;
  const prefix = long.slice(0, long.length - short.length);
  return PLACE_END.test(prefix) && !PLACE_END.test(short.slice(0, 1));
}
