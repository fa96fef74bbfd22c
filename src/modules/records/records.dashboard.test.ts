import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCaller } from '../../platform/context';
import { createTestApp, type TestApp } from '../../platform/testing';
import { createApiKey } from '../identity';
import { defaultSpan, monthsOf, recordsDashboard } from './records.dashboard';
import { lastContentWrites } from './records.dashboard.repository';
import { flagOverdue } from './records.jobs';
import { recordsEnv } from './records.settings';
import { authority, daysAgo, makeUscc, penaltyPayload, submit, today } from './records.test-support';
import { getRecord, withdrawRecord } from './records.service';
import { addCalendarDays } from './records.dates';

describe('records: dashboard figures and list filters', () => {
  let t: TestApp;
  let reader: Record<string, string>;
  const ids = { late: '', onTime: '', overdue: '', unmatched: '', other: '' };
  const thisMonth = today().slice(0, 7);
  const oldDecision = addCalendarDays(today(), -60);

  beforeAll(async () => {
    t = await createTestApp();
    const env = recordsEnv(t);
    const scjgj = await authority(t, 'scjgj');
    const sthjj = await authority(t, 'sthjj');
    // Received today: on time when decided today, late when decided 60 days ago.
    const [onTime, late, unmatched] = await submit(t, env, 'ADM_PENALTY', [
      penaltyPayload(scjgj, { name: '北京看板甲有限公司', uscc: makeUscc().uscc }, { wsh: '京海市监罚〔2026〕看1号' }),
      penaltyPayload(
        scjgj,
        { name: '北京看板乙有限公司', uscc: makeUscc().uscc },
        { wsh: '京海市监罚〔2026〕看2号', decisionDate: oldDecision },
      ),
      penaltyPayload(scjgj, { name: '北京看板丙有限公司', uscc: makeUscc().uscc }, { wsh: '京海市监罚〔2026〕看3号' }),
    ]);
    ids.onTime = onTime!.recordId;
    ids.late = late!.recordId;
    ids.unmatched = unmatched!.recordId;
    // Held for review and never published: overdue once the job runs.
    const held = { ...env, settings: { ...env.settings, publishOnReceipt: false } };
    const [overdue] = await submit(t, held, 'ADM_PENALTY', [
      penaltyPayload(scjgj, { name: '北京看板丁有限公司', uscc: makeUscc().uscc }, { decisionDate: oldDecision }),
    ]);
    ids.overdue = overdue!.recordId;
    await flagOverdue(t.db, today());
    const [other] = await submit(
      t,
      env,
      'ADM_PENALTY',
      [penaltyPayload(sthjj, { name: '北京看板戊有限公司', uscc: makeUscc().uscc })],
      { departmentCode: 'sthjj' },
    );
    ids.other = other!.recordId;
    await withdrawRecord(t.db, systemCaller('test'), ids.onTime, { reason: '撤销', revokedOn: today() }, env);
    const { key } = await createApiKey(t.db, systemCaller('test'), {
      name: 'dash-reader',
      departmentCode: 'scjgj',
      permissions: ['records.read'],
    });
    reader = { authorization: `Bearer ${key}` };
  });
  afterAll(() => t.cleanup());

  it('spans months in Asia/Shanghai', () => {
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(defaultSpan(12, '2026-03')).toEqual({ from: '2025-04', to: '2026-03' });
    expect(defaultSpan(1, undefined, new Date('2026-01-31T16:30:00Z'))).toEqual({ from: '2026-02', to: '2026-02' });
  });

  it('counts timeliness by decision month, overdue, unmatched and withdrawals per department', async () => {
    const span = defaultSpan(12);
    const all = await recordsDashboard(t.db.kysely, span);
    expect(all.departments.map((d) => d.departmentCode)).toEqual(['scjgj', 'sthjj']);
    const d = all.departments[0]!;
    expect(d).toMatchObject({
      total: 4,
      active: 3,
      overdue: 1,
      withdrawn: 1,
      withdrawals: { onTime: 1, late: 0 },
      timeliness: { onTime: 2, late: 1, overdue: 1, pending: 0 },
    });
    // Every record names an unregistered company: all unmatched but the withdrawn one.
    expect(d.unmatched).toBe(3);
    expect(d.months).toHaveLength(12);
    const old = d.months.find((m) => m.month === oldDecision.slice(0, 7))!;
    const now = d.months.find((m) => m.month === thisMonth)!;
    if (old === now) expect(now).toMatchObject({ onTime: 2, late: 1, overdue: 1 });
    else {
      expect(old).toMatchObject({ late: 1, overdue: 1 });
      expect(now).toMatchObject({ onTime: 2 });
    }
  });

  it('serves the own department only over HTTP, and refuses bad spans', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/records/dashboard', headers: reader });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ from: string; to: string; departments: Array<{ departmentCode: string }> }>();
    expect(body.to).toBe(thisMonth);
    expect(body.departments.map((d) => d.departmentCode)).toEqual(['scjgj']);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records/dashboard?from=2026-13&to=2026-01',
      headers: reader,
    });
    expect(bad.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/records/dashboard' })).statusCode).toBe(401);
  });

  it('filters the list by decision dates, timeliness and subject name or code, with a total', async () => {
    const list = async (query: string) => {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/records?${query}`, headers: reader });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<{ items: Array<{ id: string }>; total: number; nextCursor: string | null }>();
    };
    const all = await list('limit=2');
    expect(all.total).toBe(4);
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).not.toBeNull();
    expect((await list(`decidedTo=${daysAgo(30)}`)).items.map((r) => r.id).sort()).toEqual(
      [ids.late, ids.overdue].sort(),
    );
    expect((await list(`decidedFrom=${today()}&decidedTo=${today()}`)).total).toBe(2);
    expect((await list('timeliness=overdue')).items.map((r) => r.id)).toEqual([ids.overdue]);
    expect((await list(`subject=${encodeURIComponent('看板乙')}`)).items.map((r) => r.id)).toEqual([ids.late]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/records/${ids.late}`, headers: reader });
    const uscc = detail.json<{ subject: { uscc: string } }>().subject.uscc;
    expect((await list(`subject=${uscc.toLowerCase()}`)).items.map((r) => r.id)).toEqual([ids.late]);
    // LIKE wildcards are taken literally.
    expect((await list('subject=%25')).total).toBe(0);
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/records/unmatched', headers: reader });
    expect(queue.json<{ total: number }>().total).toBe(3);
  });

  it('finds when a record last received content, by its document number as submitted', async () => {
    const { departmentId } = (await getRecord(t.db.kysely, ids.late)).record;
    const writes = await lastContentWrites(t.db.kysely, departmentId, 'ADM_PENALTY', [
      ['京海市监罚〔2026〕看2号'],
      ['京海市监罚〔2026〕看2号 '],
      ['京海市监罚〔2026〕无此号'],
    ]);
    expect(writes[0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(writes[1]).toBe(writes[0]);
    expect(writes[2]).toBeNull();
  });
});
