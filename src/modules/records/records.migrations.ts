import { sql } from 'kysely';
import type { MigrationSet } from '../../platform/db';

export const recordsMigrations: MigrationSet = {
  '202611280400_records_init': {
    async up(db) {
      await db.schema
        .createTable('records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('item_code', 'text', (c) => c.notNull())
        .addColumn('item_version', 'integer', (c) => c.notNull())
        .addColumn('department_id', 'text', (c) => c.notNull())
        .addColumn('department_code', 'text', (c) => c.notNull())
        .addColumn('record_key', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text')
        .addColumn('match_method', 'text')
        .addColumn('subject_type', 'text')
        .addColumn('subject_name', 'text')
        .addColumn('subject_uscc', 'text')
        .addColumn('subject_org_code', 'text')
        .addColumn('subject_registration_number', 'text')
        // A natural person's ID number is never stored in clear: keyed hash + masked form.
        .addColumn('subject_id_hash', 'text')
        .addColumn('subject_id_masked', 'text')
        .addColumn('decision_date', 'text')
        .addColumn('class', 'text')
        .addColumn('class_source', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('protected_payload', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('publication_deadline', 'text')
        .addColumn('published_at', 'text')
        .addColumn('timeliness', 'text')
        .addColumn('min_end', 'text')
        .addColumn('max_end', 'text')
        .addColumn('publication_ended_at', 'text')
        .addColumn('revoked_on', 'text')
        .addColumn('withdrawal_reason', 'text')
        .addColumn('withdrawal_deadline', 'text')
        .addColumn('withdrawn_at', 'text')
        .addColumn('withdrawal_timeliness', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('records_department_item_key', ['department_id', 'item_code', 'record_key'])
        .execute();
      // Listing per department (newest first), per item, per subject; the daily jobs' scans.
      await db.schema.createIndex('records_department').on('records').columns(['department_id', 'id']).execute();
      await db.schema.createIndex('records_item').on('records').columns(['item_code', 'id']).execute();
      await db.schema.createIndex('records_subject').on('records').columns(['subject_id', 'id']).execute();
      // The overdue job's look-ups, as partial indexes: only records awaiting publication (or
      // overdue) are in them, so the bulk of records (published at receipt) cost no index upkeep.
      await db.schema
        .createIndex('records_pending')
        .on('records')
        .column('publication_deadline')
        .where(sql.ref('timeliness'), '=', 'pending')
        .execute();
      await db.schema
        .createIndex('records_overdue')
        .on('records')
        .column('department_id')
        .where(sql.ref('timeliness'), '=', 'overdue')
        .execute();
      await db.schema.createIndex('records_expiry').on('records').columns(['status', 'max_end']).execute();

      await db.schema
        .createTable('record_versions')
        .addColumn('record_id', 'text', (c) => c.notNull().references('records.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('protected_payload', 'text')
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('classification', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('batch_id', 'text')
        .addColumn('department_id', 'text', (c) => c.notNull())
        .addColumn('actor_kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('file_hash', 'text')
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('record_versions_pk', ['record_id', 'version'])
        .execute();
      // Every write of a batch is traceable by its id.
      await db.schema.createIndex('record_versions_batch').on('record_versions').column('batch_id').execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('department_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title_zh', 'text', (c) => c.notNull())
        .addColumn('title_en', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('dedupe_key', 'text', (c) => c.unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addColumn('read_by', 'text')
        .execute();
      await db.schema
        .createIndex('notifications_department')
        .on('notifications')
        .columns(['department_id', 'id'])
        .execute();
    },
  },
  '202611280900_records_public_order': {
    async up(db) {
      // The public reads' order, newest decision first (records.public.ts): an entity page seeks its
      // subject and reads in order; the double-publicity channel reads the newest active records first.
      await sql`CREATE INDEX records_subject_public ON records (subject_id, (coalesce(decision_date, '')), id)`.execute(
        db,
      );
      await sql`CREATE INDEX records_public_order ON records (status, (coalesce(decision_date, '')), id)`.execute(db);
    },
  },
  '202611281400_records_subject_visible': {
    async up(db) {
      // An entity page's sections (records.public.ts): the subject's visible records of some items, newest
      // decision first, and their count. Only records that can be public at all are in it, and max_end
      // is in it, so a section's count reads the index alone. The query repeats the index's conditions
      // as literals: a planner can use a partial index only for conditions it sees are the same.
      await sql`CREATE INDEX records_subject_visible ON records (subject_id, item_code, (coalesce(decision_date, '')), id, max_end)
        WHERE status = 'active' AND published_at IS NOT NULL AND publication_ended_at IS NULL`.execute(db);
    },
  },
};
