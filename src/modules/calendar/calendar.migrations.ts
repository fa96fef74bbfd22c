import type { MigrationSet } from '../../platform/db';
import { newId, nowIso } from '../../platform/ids';

export const calendarMigrations: MigrationSet = {
  '202611280300_calendar_init': {
    async up(db) {
      // Only the exceptions to the Monday–Friday rule: a weekday off ('holiday')
      // or a weekend day worked ('workday', 调休上班).
      await db.schema
        .createTable('calendar_days')
        .addColumn('date', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();

      // A year is complete once its whole arrangement (the State Council's notice) is entered.
      await db.schema
        .createTable('calendar_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('complete', 'integer', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // One row, changed by every calendar write: processes compare `stamp` to
      // know whether their cached calendar is still current. The stamp is random
      // (a ULID), so two databases never share one and a process-wide cache keyed
      // by it cannot mix them up; `version` counts changes for people.
      await db.schema
        .createTable('calendar_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('stamp', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('calendar_version')
        .values({ id: 1, version: 0, stamp: newId(), updated_at: nowIso() })
        .execute();
    },
  },
};
