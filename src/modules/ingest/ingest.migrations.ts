import type { MigrationSet } from '../../platform/db';

export const ingestMigrations: MigrationSet = {
  '202611280500_ingest_init': {
    async up(db) {
      await db.schema
        .createTable('ingest_batches')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('item_version', 'integer', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.notNull())
        .addColumn('department_code', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('mode', 'text', (c) => c.notNull())
        // running → committed | rejected (all-or-nothing with bad rows) | failed (the file itself was unusable)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('file_hash', 'text')
        .addColumn('file_format', 'text')
        .addColumn('headers', 'text')
        .addColumn('rows_read', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_accepted', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_created', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_corrected', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('rows_unchanged', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('warnings', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('failure', 'text')
        .addColumn('idempotency_key', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createIndex('ingest_batches_idempotency')
        .on('ingest_batches')
        .columns(['department_id', 'idempotency_key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('ingest_batches_department')
        .on('ingest_batches')
        .columns(['department_id', 'created_at'])
        .execute();
      // One row per rejected input row: its original cells (for the error report) and its errors.
      await db.schema
        .createTable('ingest_rejections')
        .addColumn('batch_id', 'text', (c) => c.notNull().references('ingest_batches.id'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('cells', 'text', (c) => c.notNull())
        .addColumn('errors', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('ingest_rejections_pk', ['batch_id', 'row_number'])
        .execute();
      // Serialises imports of one department and item (a row lock on PostgreSQL).
      await db.schema
        .createTable('ingest_locks')
        .addColumn('lock_key', 'text', (c) => c.primaryKey())
        .addColumn('locked_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
};
