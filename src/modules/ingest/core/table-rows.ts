/**
 * The row shape both readers produce and the limits both enforce, so that a
 * CSV and an XLSX of the same content read identically.
 */
import { cellTooLarge, tooManyColumns } from './table-errors';

export interface RawRow {
  /** The row number Excel shows: the header row of a file without leading blank rows is 1. */
  readonly rowNumber: number;
  readonly cells: string[];
}

export interface TableLimits {
  readonly maxColumns: number;
  readonly maxCellBytes: number;
}

const isBlank = (cell: string): boolean => cell.length === 0 || cell.trim().length === 0;

/** Index after the last non-blank cell: trailing empty cells (a trail of commas) are not columns. */
export function usedWidth(cells: readonly string[]): number {
  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1] ?? '')) end -= 1;
  return end;
}

/** The row trimmed of trailing blank cells, or null when blank; throws when a limit is exceeded. */
export function checkRowLimits(rowNumber: number, cells: string[], limits: TableLimits): RawRow | null {
  const width = usedWidth(cells);
  if (width === 0) return null;
  if (width > limits.maxColumns) throw tooManyColumns(rowNumber, width, limits.maxColumns);
  for (let i = 0; i < width; i += 1) {
    const cell = cells[i] ?? '';
    // A UTF-8 character is at most 4 bytes: only long strings need measuring.
    if (cell.length * 4 > limits.maxCellBytes && Buffer.byteLength(cell, 'utf8') > limits.maxCellBytes) {
      throw cellTooLarge(rowNumber, i + 1, limits.maxCellBytes);
    }
  }
  return { rowNumber, cells: width === cells.length ? cells : cells.slice(0, width) };
}
