import type { MigrationSet } from '../../platform/db';

export const subjectsMigrations: MigrationSet = {
  '202611280200_subjects_init': {
    async up(db, helpers) {
      await db.schema
        .createTable('subjects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('uscc', 'text', (c) => c.unique())
        .addColumn('org_code', 'text')
        .addColumn('registration_number', 'text')
        // Natural persons: the ID number is never stored in clear.
        .addColumn('id_number_hash', 'text', (c) => c.unique())
        .addColumn('id_number_enc', 'text')
        .addColumn('id_number_masked', 'text')
        .addColumn('legal_representative', 'text')
        .addColumn('region_code', 'text')
        .addColumn('industry_section', 'text')
        .addColumn('established_on', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('subjects_region')
        .on('subjects')
        .columns(['region_code', 'industry_section'])
        .execute();
      await db.schema.createIndex('subjects_name').on('subjects').column('name').execute();

      // Current and former names: what the substring search runs over.
      await db.schema
        .createTable('subject_names')
        .addColumn('id', helpers.autoIncrementType, (c) => c.primaryKey())
        .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_current', 'integer', (c) => c.notNull())
        .addColumn('public', 'integer', (c) => c.notNull())
        .addColumn('valid_from', 'text')
        .addColumn('valid_to', 'text')
        .execute();
      await db.schema.createIndex('subject_names_subject').on('subject_names').column('subject_id').execute();
      await helpers.createSubstringIndex(db, 'subject_names', 'name');

      // Every identifier a subject is known by, legacy codes included (plan C3).
      await db.schema
        .createTable('subject_identifiers')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('subject_identifiers_pk', ['kind', 'value'])
        .execute();
      await db.schema
        .createIndex('subject_identifiers_subject')
        .on('subject_identifiers')
        .column('subject_id')
        .execute();

      await db.schema
        .createTable('subject_versions')
        .addColumn('subject_id', 'text', (c) => c.notNull().references('subjects.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('change', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('subject_versions_pk', ['subject_id', 'version'])
        .execute();
    },
  },
  '202611281700_subjects_public_names_index': {
    async up(db, helpers) {
      // The public search's own substring index over the names the public may find: its counts
      // then read the index alone, where checking each match's row for \`public\` cost four fifths
      // of a common term's count at a million subjects.
      await helpers.createSubstringIndex(db, 'subject_names', 'name', { column: 'public', value: 1 });
    },
  },
};
