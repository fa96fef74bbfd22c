/**
 * Input hygiene for identifiers typed by clerks or pasted from spreadsheets and
 * Word documents: full-width characters from Chinese IMEs, stray spaces, BOMs
 * and the many dash look-alikes that Office substitutes for '-'.
 *
 * An explicit map is used rather than NFKC on purpose: NFKC also folds
 * characters such as '①' or 'Ⅸ' into digits and letters, which would turn
 * garbage into something that looks like a valid code.
 */

const FULL_WIDTH_FIRST = 0xff01; // '！'
const FULL_WIDTH_LAST = 0xff5e; // '～'
const FULL_TO_HALF_OFFSET = 0xfee0;

// ASCII hyphen-minus, soft hyphen, U+2010–U+2015 (hyphen … horizontal bar),
// minus sign, two-/three-em dashes, small em dash, small and full-width hyphen-minus.
const DASHES = /[\u002D\u00AD\u2010-\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D]/g;
// \s covers U+3000 and U+FEFF; zero-width characters arrive with copy-paste from web pages.
const INVISIBLES = /[\s\u200B-\u200D\u2060]/g;

function toHalfWidth(value: string): string {
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp >= FULL_WIDTH_FIRST && cp <= FULL_WIDTH_LAST ? String.fromCodePoint(cp - FULL_TO_HALF_OFFSET) : ch;
  }
  return out;
}

/**
 * Canonical form used for validation and storage: half-width, ASCII upper-case,
 * without whitespace or dashes. Idempotent. The caller keeps the original.
 */
export function normalizeIdentifier(raw: string): string {
  return (
    toHalfWidth(raw)
      .replace(INVISIBLES, '')
      .replace(DASHES, '')
      // ASCII only: String#toUpperCase would turn 'ß' into 'SS' and change the length.
      .replace(/[a-z]/g, (c) => c.toUpperCase())
  );
}
