/**
 * The step between reading and validating, in one call so that a caller
 * cannot forget half of it: a row's cells are keyed by the header mapping,
 * and its shape errors (a value right of the last header) are merged with
 * the validation errors.
 */
import type { CatalogItemDefinition } from '../../catalog';
import { rowValues, type HeaderMapping } from './header-map';
import { validateRow, type ValidationContext, type ValidationResult } from './validate-row';

export function checkRow(
  definition: CatalogItemDefinition,
  mapping: HeaderMapping,
  cells: readonly string[],
  ctx: ValidationContext,
): ValidationResult {
  const { values, errors } = rowValues(mapping, cells);
  const result = validateRow(definition, values, ctx);
  if (errors.length === 0) return result;
  return { ok: false, errors: [...errors, ...(result.ok ? [] : result.errors)] };
}
