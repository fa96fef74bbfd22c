/**
 * Masking of personal identifiers on public pages (PIPL: minimum necessary;
 * DOMAIN §10: `110108********123X`). The records module stores ID numbers
 * masked already; this masks again whatever still looks like a citizen ID,
 * so that a number that slipped into the wrong field or a free-text field
 * never reaches the public in full.
 */
import { maskCitizenId, normalizeIdentifier } from '../subjects';

const CITIZEN_ID = /^\d{17}[\dX]$/;

/** A document number as the public may see it: citizen IDs as 110108********123X, others 2 + 2 characters. */
export function maskIdNumber(value: string): string {
  const n = normalizeIdentifier(value);
  if (CITIZEN_ID.test(n)) return maskCitizenId(n);
  // Already masked at storage (the normal case): leave it, it holds no more than the mask shows.
  if (n.includes('*')) return n;
  if (n.length <= 4) return '*'.repeat(n.length);
  return `${n.slice(0, 2)}${'*'.repeat(n.length - 4)}${n.slice(-2)}`;
}

/*
 * 18 characters — 6 digits of region, a birth date 18xx–20xx, 3 digits and a
 * check character — not inside a longer run of letters or digits. The birth
 * date part keeps most all-digit USCCs and licence numbers in free text
 * untouched; a false positive only hides part of a number.
 */
const ID_IN_TEXT =
  /(?<![0-9A-Za-z])\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;

/** Free text with every embedded citizen ID number masked. */
export function maskIdsInText(text: string): string {
  // Most values (dates, codes, names) are too short to hold an ID number.
  if (text.length < 18) return text;
  return text.replace(ID_IN_TEXT, (id) => maskCitizenId(id.toUpperCase()));
}
