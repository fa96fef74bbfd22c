import type { MigrationSet } from '../../platform/db';

export const catalogMigrations: MigrationSet = {
  '202611281200_catalog_tables': {
    async up(db) {
      await db.schema
        .createTable('catalog_categories')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .execute();
      // The head row of each item: what lists and filters read without parsing JSON.
      await db.schema
        .createTable('catalog_items')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('name_zh', 'text', (c) => c.notNull())
        .addColumn('name_en', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('disclosure', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('catalog_items_category').on('catalog_items').column('category').execute();
      // Every version in full, never updated: records keep the version they were validated against.
      await db.schema
        .createTable('catalog_item_versions')
        .addColumn('item_code', 'text', (c) => c.notNull().references('catalog_items.code'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('sharing', 'text', (c) => c.notNull())
        .addColumn('json_schema', 'text', (c) => c.notNull())
        .addColumn('change_kind', 'text', (c) => c.notNull())
        .addColumn('change_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'text')
        .addPrimaryKeyConstraint('catalog_item_versions_pk', ['item_code', 'version'])
        .execute();
    },
  },
};
