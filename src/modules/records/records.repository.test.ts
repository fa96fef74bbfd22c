import { describe, expect, it } from 'vitest';
import { RECORD_COLUMNS, VERSION_COLUMNS, recordValues, versionValues } from './records.repository';
import type { RecordVersionsTable, RecordsTable } from './records.tables';

describe('records: insert values', () => {
  it('gives every column of a record and of a version, in the order of the column lists', () => {
    const record = Object.fromEntries(RECORD_COLUMNS.map((c, i) => [c, `${c}:${i}`])) as unknown as RecordsTable;
    expect(recordValues(record)).toEqual(RECORD_COLUMNS.map((c, i) => `${c}:${i}`));
    const version = Object.fromEntries(
      VERSION_COLUMNS.map((c, i) => [c, `${c}:${i}`]),
    ) as unknown as RecordVersionsTable;
    expect(versionValues(version)).toEqual(VERSION_COLUMNS.map((c, i) => `${c}:${i}`));
  });

  it('writes an absent optional value as NULL', () => {
    const record = Object.fromEntries(RECORD_COLUMNS.map((c) => [c, 'x'])) as unknown as RecordsTable;
    const values = recordValues({ ...record, subject_id: undefined as unknown as null });
    expect(values[RECORD_COLUMNS.indexOf('subject_id')]).toBeNull();
  });
});
