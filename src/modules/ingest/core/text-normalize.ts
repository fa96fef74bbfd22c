/**
 * Input hygiene for cells typed on Chinese keyboards or pasted from Word and
 * web pages: full-width forms from the IME, ideographic and non-breaking
 * spaces, zero-width characters. Structured values (codes, numbers, dates,
 * dictionary words) are folded to half-width completely; prose keeps its
 * Chinese punctuation (，。：（）) — folding those would rewrite what a
 * department published — and only has its letters, digits and spaces folded.
 */

const FULL_WIDTH_FIRST = 0xff01; // '！'
const FULL_WIDTH_LAST = 0xff5e; // '～'
const FULL_TO_HALF = 0xfee0;

// Zero-width space/joiners, word joiner, BOM: invisible, never meant as content.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
// Horizontal whitespace, including NBSP (U+00A0), U+3000 and the other Unicode spaces.
const HORIZONTAL_SPACE = /[^\S\r\n]+/g;
const ANY_SPACE = /\s+/g;

/** Every full-width ASCII form and U+3000 to its half-width twin. */
export function toHalfWidth(value: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) {
      out += String.fromCharCode(code - FULL_TO_HALF);
      changed = true;
    } else if (code === 0x3000) {
      out += ' ';
      changed = true;
    } else {
      out += value.charAt(i);
    }
  }
  return changed ? out : value;
}

const isFullWidthAlnum = (code: number): boolean =>
  (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);

/** Full-width letters and digits only; punctuation is left as typed. */
export function toHalfWidthAlnum(value: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    if (isFullWidthAlnum(code)) {
      out += String.fromCharCode(code - FULL_TO_HALF);
      changed = true;
    } else {
      out += value.charAt(i);
    }
  }
  return changed ? out : value;
}

// Fast path: most cells are plain ASCII or CJK without anything to fold.
const NEEDS_WORK = /[\s\u200B-\u200D\u2060\uFEFF\uFF01-\uFF5E\u3000]/;

/** Codes, numbers, dates, dictionary words: half-width, trimmed, inner space runs collapsed to one. */
export function normalizeStructured(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return toHalfWidth(value).replace(INVISIBLE, '').replace(ANY_SPACE, ' ').trim();
}

/** A one-line text field: every whitespace run (line breaks included) becomes one space. */
export function normalizeLine(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return toHalfWidthAlnum(value).replace(INVISIBLE, '').replace(ANY_SPACE, ' ').trim();
}

/** Long text: line breaks are kept (as LF), runs of spaces within a line collapse to one. */
export function normalizeMultiline(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return toHalfWidthAlnum(value)
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(HORIZONTAL_SPACE, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

/** Counted as a person counts characters: code points, so a rare character outside the BMP is one. */
export function characterCount(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i += 1;
    }
    count += 1;
  }
  return count;
}

const REQUIRED_MARKS = /^[*]+|[*]+$|\((必填|选填|可选|非必填|条件必填|必填项)\)$/g;

/**
 * The comparable form of a column header: half-width, no spaces anywhere, no
 * required marks (`*`, `（必填）`), upper-case ASCII so field codes match in any case.
 */
export function normalizeHeader(value: string): string {
  let out = toHalfWidth(value).replace(INVISIBLE, '').replace(ANY_SPACE, '');
  // Marks can stack, e.g. `*名称（必填）`.
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out.replace(REQUIRED_MARKS, '');
  }
  return out.replace(/[a-z]+/g, (s) => s.toUpperCase());
}
