import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDeps, type TestDeps } from '../testing';
import { ConstraintViolation, precompiled, translateDbError } from '.';

/** The dialect seam, exercised on whichever database the suite runs on (both in CI). */
describe('dialect seam', () => {
  let t: TestDeps;
  beforeAll(async () => {
    t = await createTestDeps();
    await t.db.kysely.schema
      .createTable('seam_names')
      .addColumn('id', t.db.helpers.autoIncrementType, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .execute();
    await t.db.helpers.createSubstringIndex(t.db.kysely, 'seam_names', 'name');
    for (const name of [
      '北京华清科技有限公司',
      '清华同方股份有限公司',
      'Acme Robotics Ltd',
      '100%_真实 有限公司',
      '华',
    ]) {
      await sql`INSERT INTO seam_names (name) VALUES (${name})`.execute(t.db.kysely);
    }
  });
  afterAll(() => t.cleanup());

  async function matches(term: string): Promise<string[]> {
    const rows = await t.db.kysely
      .selectFrom(t.db.helpers.substringMatches('seam_names', 'name', term).as('m'))
      .innerJoin('seam_names as n', 'n.id', 'm.match_id')
      .select('n.name')
      .orderBy('m.match_id')
      .execute();
    return rows.map((r: { name: string }) => r.name);
  }

  it('finds substrings of one, two and more characters', async () => {
    expect(await matches('华清')).toEqual(['北京华清科技有限公司']);
    expect(await matches('清')).toEqual(['北京华清科技有限公司', '清华同方股份有限公司']);
    expect(await matches('华')).toEqual(['北京华清科技有限公司', '清华同方股份有限公司', '华']);
    expect(await matches('有限公司')).toHaveLength(3);
    expect(await matches('同方股份')).toEqual(['清华同方股份有限公司']);
  });

  it('ignores Latin case and treats wildcard and quote characters literally', async () => {
    expect(await matches('acme')).toEqual(['Acme Robotics Ltd']);
    expect(await matches('ROBOTICS')).toEqual(['Acme Robotics Ltd']);
    expect(await matches('%_')).toEqual(['100%_真实 有限公司']);
    expect(await matches('0%')).toEqual(['100%_真实 有限公司']);
    expect(await matches('"; DROP')).toEqual([]);
  });

  it('keeps the index in step with updates and deletes', async () => {
    await sql`UPDATE seam_names SET name = '北京紫光科技有限公司' WHERE name = '北京华清科技有限公司'`.execute(
      t.db.kysely,
    );
    expect(await matches('华清')).toEqual([]);
    expect(await matches('紫光')).toEqual(['北京紫光科技有限公司']);
    await sql`DELETE FROM seam_names WHERE name = '北京紫光科技有限公司'`.execute(t.db.kysely);
    expect(await matches('紫光')).toEqual([]);
  });

  it('indexes a subset of rows: those already there, and rows as they enter, leave or change', async () => {
    const db = t.db.kysely;
    await db.schema
      .createTable('seam_listed')
      .addColumn('id', t.db.helpers.autoIncrementType, (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('shown', 'integer', (c) => c.notNull())
      .execute();
    const add = (name: string, shown: number) =>
      sql`INSERT INTO seam_listed (name, shown) VALUES (${name}, ${shown})`.execute(db);
    await add('北京华清科技有限公司', 1);
    await add('华清个人工作室', 0);
    const shown = { column: 'shown', value: 1 };
    // Created over a table that already has rows: they are indexed.
    await t.db.helpers.createSubstringIndex(db, 'seam_listed', 'name', shown);
    await t.db.helpers.createSubstringIndex(db, 'seam_listed', 'name');
    const find = async (term: string, subset?: typeof shown) =>
      (
        await db
          .selectFrom(t.db.helpers.substringMatches('seam_listed', 'name', term, subset).as('m'))
          .innerJoin('seam_listed as n', 'n.id', 'm.match_id')
          .select('n.name')
          .orderBy('m.match_id')
          .execute()
      ).map((r: { name: string }) => r.name);
    // The whole-table index is created after the rows too: it sees both.
    expect(await find('华清', shown)).toEqual(['北京华清科技有限公司']);
    for (const term of ['华', '华清', '华清个人']) expect(await find(term, shown)).not.toContain('华清个人工作室');
    await add('华清智能有限公司', 1);
    await add('华清私人诊所', 0);
    expect(await find('华清', shown)).toEqual(['北京华清科技有限公司', '华清智能有限公司']);
    expect(await find('华清')).toEqual(['北京华清科技有限公司', '华清个人工作室', '华清智能有限公司', '华清私人诊所']);
    // Leaving and entering the subset, and a rename inside it.
    await sql`UPDATE seam_listed SET shown = 0 WHERE name = '华清智能有限公司'`.execute(db);
    await sql`UPDATE seam_listed SET shown = 1 WHERE name = '华清私人诊所'`.execute(db);
    await sql`UPDATE seam_listed SET name = '北京紫光科技有限公司' WHERE name = '北京华清科技有限公司'`.execute(db);
    expect(await find('华清', shown)).toEqual(['华清私人诊所']);
    expect(await find('紫光科技', shown)).toEqual(['北京紫光科技有限公司']);
    expect(await find('智能', shown)).toEqual([]);
    expect(await find('智', shown)).toEqual([]);
    await sql`DELETE FROM seam_listed WHERE name = '华清私人诊所'`.execute(db);
    expect(await find('诊所', shown)).toEqual([]);
    expect(await find('华清', shown)).toEqual([]);
    expect(await find('华清')).toEqual(['华清个人工作室', '华清智能有限公司']);
  });

  it('runs a precompiled query with list parameters of any length, each length compiled once', async () => {
    let compiled = 0;
    const named = precompiled((executor, names: readonly string[], prefix: string) => {
      compiled += 1;
      return executor
        .selectFrom('seam_names')
        .select('name')
        .where('name', 'in', names)
        .where('name', 'like', prefix)
        .orderBy('name');
    });
    const run = async (names: readonly string[], prefix: string) =>
      (await named(t.db.kysely, names, prefix)).map((r: { name: string }) => r.name);
    expect(await run(['华', 'Acme Robotics Ltd'], '%')).toEqual(['Acme Robotics Ltd', '华']);
    expect(await run(['清华同方股份有限公司', '华', 'nope'], '清%')).toEqual(['清华同方股份有限公司']);
    expect(await run(['华', 'nope'], '%')).toEqual(['华']);
    expect(await run(['nope'], '%')).toEqual([]);
    expect(compiled).toBe(3);
  });

  it('translates driver constraint errors into one typed error', async () => {
    const error = await sql`INSERT INTO seam_names (name) VALUES ('华')`.execute(t.db.kysely).catch((e: unknown) => e);
    const translated = translateDbError(error);
    expect(translated).toBeInstanceOf(ConstraintViolation);
    expect(translated).toMatchObject({ kind: 'unique', status: 409, code: 'db.unique_violation' });
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await sql`INSERT INTO seam_names (name) VALUES ('事务内新增')`.execute(tx);
        await sql`INSERT INTO seam_names (name) VALUES ('华')`.execute(tx);
      }),
    ).rejects.toMatchObject({ kind: 'unique' });
    expect(await matches('事务内')).toEqual([]);
  });
});
