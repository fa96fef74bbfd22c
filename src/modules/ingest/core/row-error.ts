/**
 * One reason a row was rejected, in the shape error reports, the API and the
 * batch tables share. `value` is the cell exactly as submitted, so the clerk
 * recognises what they typed.
 */
import type { LocalizedText } from '../../../platform/errors';

export interface RowError {
  /** Field code, e.g. `CF_JDRQ`; `*` for a problem of the row as a whole. */
  readonly field: string;
  /** The field's Chinese label (the column header a clerk sees); 整行 for the whole row. */
  readonly label: string;
  readonly value: string;
  /** Stable code, e.g. `required`, `date_invalid`, `identifier.check_mismatch`. */
  readonly code: string;
  readonly reason: LocalizedText;
}

/** The pseudo-field of errors that concern the whole row. */
export const WHOLE_ROW = '*';
