import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../platform/context';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { countVisibleByItem, countVisibleEachItem, visibleRecordRows } from '../records';
import { registerSubject, subjectsEnv } from '../subjects';
import { authority, daysAgo, licence, makeUscc, penalty, submit, today } from './publicity.test-support';

/**
 * The counts behind an entity page's sections: per item, capped, in one
 * statement for a subject (the heavy entity's path), the same as counting
 * item by item; and the precompiled subject queries with and without a cursor.
 */
describe('visible record counts per item', () => {
  let t: TestDeps;
  let subjectId = '';
  const items = ['ADM_PENALTY', 'ADM_LICENSE', 'RED_LIST', 'BLACK_LIST'];

  beforeAll(async () => {
    t = await createTestDeps();
    const uscc = makeUscc();
    subjectId = (
      await registerSubject(subjectsEnv(t), systemCaller('counts-test'), {
        kind: 'legal_person',
        name: '北京计数测试有限公司',
        uscc,
      })
    ).id;
    const scjgj = await authority(t, 'scjgj');
    const company = { name: '北京计数测试有限公司', uscc };
    await submit(
      t,
      'ADM_PENALTY',
      'scjgj',
      Array.from({ length: 5 }, (_, i) => penalty(scjgj, company, daysAgo(10 + i))),
      daysAgo(5),
    );
    await submit(
      t,
      'ADM_LICENSE',
      'scjgj',
      [licence(scjgj, company, daysAgo(30)), licence(scjgj, company, daysAgo(31))],
      daysAgo(20),
    );
  });
  afterAll(() => t.cleanup());

  const scope = () => ({ today: today(), itemCodes: items });

  it('counts each item up to the cap in one statement, as item by item does', async () => {
    const capped = await countVisibleEachItem(t.db.kysely, scope(), { subjectId }, 3);
    expect(Object.fromEntries(capped)).toEqual({ ADM_PENALTY: 3, ADM_LICENSE: 2, RED_LIST: 0, BLACK_LIST: 0 });
    const exact = await countVisibleEachItem(t.db.kysely, scope(), { subjectId }, 1001);
    expect(Object.fromEntries(exact)).toEqual({ ADM_PENALTY: 5, ADM_LICENSE: 2, RED_LIST: 0, BLACK_LIST: 0 });
    // Another filter than the subject alone goes item by item: the same answer.
    const byDepartment = await countVisibleEachItem(t.db.kysely, scope(), { subjectId, departmentCode: 'scjgj' }, 3);
    expect(byDepartment).toEqual(capped);
    expect(await countVisibleEachItem(t.db.kysely, { today: today(), itemCodes: [] }, { subjectId }, 3)).toEqual(
      new Map(),
    );
  });

  it('stops the grouped count at its cap, and pages the rows after a cursor', async () => {
    const grouped = await countVisibleByItem(t.db.kysely, scope(), { subjectId }, 4);
    expect([...grouped.values()].reduce((a, b) => a + b, 0)).toBe(4);
    const all = await visibleRecordRows(t.db.kysely, scope(), { subjectId }, { limit: 100 });
    expect(all).toHaveLength(7);
    const first = await visibleRecordRows(t.db.kysely, scope(), { subjectId }, { limit: 3 });
    const last = first[2]!;
    const rest = await visibleRecordRows(
      t.db.kysely,
      scope(),
      { subjectId },
      { cursor: { decisionDate: last.decisionDate ?? '', id: last.id }, limit: 100 },
    );
    expect([...first, ...rest].map((r) => r.id)).toEqual(all.map((r) => r.id));
  });
});
