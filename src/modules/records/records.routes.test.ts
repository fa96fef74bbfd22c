import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../platform/audit';
import { systemCaller } from '../../platform/context';
import { createTestApp, type TestApp } from '../../platform/testing';
import { createApiKey, createUser } from '../identity';
import { registerSubject, subjectsEnv } from '../subjects';
import { flagOverdue } from './records.jobs';
import { addCalendarDays } from './records.dates';
import { recordsEnv } from './records.settings';
import {
  authority,
  daysAgo,
  makeCitizenId,
  makeRegistrationNumber,
  makeUscc,
  penaltyPayload,
  submit,
} from './records.test-support';

describe('records: HTTP', () => {
  let t: TestApp;
  const admin = systemCaller('test-admin');
  const personId = makeCitizenId();
  const ids = { own: '', person: '', other: '', unmatched: '' };
  let subjectId = '';

  const keyFor = async (departmentCode: string, permissions: string[]) => {
    const { key } = await createApiKey(t.db, admin, {
      name: `k-${departmentCode}-${permissions.join('-')}`,
      departmentCode,
      permissions,
    });
    return { authorization: `Bearer ${key}`, 'accept-language': 'en' };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const env = recordsEnv(t);
    const scjgj = await authority(t, 'scjgj');
    const sthjj = await authority(t, 'sthjj');
    const regNo = makeRegistrationNumber();
    subjectId = (
      await registerSubject(subjectsEnv(t), admin, {
        kind: 'legal_person',
        name: '北京接口有限公司',
        registrationNumber: regNo,
        region: '中关村街道',
      })
    ).id;
    const own = await submit(t, env, 'ADM_PENALTY', [
      penaltyPayload(scjgj, { name: '北京接口有限公司', registrationNumber: regNo }),
      penaltyPayload(scjgj, { name: '孙悟空', idNumber: personId }),
      penaltyPayload(scjgj, { name: '北京查无此名有限公司', uscc: makeUscc().uscc }),
    ]);
    ids.own = own[0]!.recordId;
    ids.person = own[1]!.recordId;
    ids.unmatched = own[2]!.recordId;
    const held = { ...env, settings: { ...env.settings, publishOnReceipt: false } };
    const [other] = await submit(
      t,
      held,
      'ADM_PENALTY',
      [penaltyPayload(sthjj, { name: '北京他部门有限公司', uscc: makeUscc().uscc }, { decisionDate: daysAgo(1) })],
      {
        departmentCode: 'sthjj',
      },
    );
    ids.other = other!.recordId;
  });
  afterAll(() => t.cleanup());

  it('requires a signed-in caller with records.read, and confines a department to its own records', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/records' })).statusCode).toBe(401);
    const noRead = await keyFor('scjgj', ['catalog.read']);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/records', headers: noRead })).statusCode).toBe(403);

    const reader = await keyFor('scjgj', ['records.read']);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/records?limit=2', headers: reader });
    expect(list.statusCode).toBe(200);
    const page1 = list.json<{ items: Array<{ id: string; departmentCode: string }>; nextCursor: string | null }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (
      await t.app.inject({ method: 'GET', url: `/api/v1/records?limit=2&cursor=${page1.nextCursor}`, headers: reader })
    ).json<{ items: Array<{ id: string; departmentCode: string }>; nextCursor: string | null }>();
    const seen = [...page1.items, ...page2.items];
    expect(seen.map((r) => r.id).sort()).toEqual([ids.own, ids.person, ids.unmatched].sort());
    expect(seen.every((r) => r.departmentCode === 'scjgj')).toBe(true);
    // Asking for another department's records yields none.
    const asked = await t.app.inject({ method: 'GET', url: '/api/v1/records?departmentCode=sthjj', headers: reader });
    expect(asked.json<{ items: unknown[] }>().items).toHaveLength(0);

    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/records/${ids.other}`, headers: reader })).statusCode,
    ).toBe(404);
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/records/${ids.own}`, headers: reader });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({
      id: ids.own,
      itemCode: 'ADM_PENALTY',
      subject: { id: subjectId, matchMethod: 'registration_number' },
      versions: [{ version: 1, change: 'create', provenance: { channel: 'api', actor: { name: 'records-test' } } }],
    });
    expect((await listAudit(t.db.kysely, { action: 'record.view' }))[0]).toMatchObject({ targetId: ids.own });

    // Unknown query fields are refused.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/records?colour=red', headers: reader })).statusCode).toBe(
      400,
    );
  });

  it('shows a natural person’s ID number only masked', async () => {
    const reader = await keyFor('scjgj', ['records.read']);
    const responses = await Promise.all(
      [`/api/v1/records/${ids.person}`, '/api/v1/records', '/api/v1/records/unmatched'].map((url) =>
        t.app.inject({ method: 'GET', url, headers: reader }),
      ),
    );
    for (const r of responses) {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain(personId);
      expect(r.body).not.toContain(personId.slice(0, 14));
    }
    const detail = responses[0]!.json<{ subject: { idNumberMasked: string }; payload: Record<string, unknown> }>();
    expect(detail.subject.idNumberMasked).toBe(`${personId.slice(0, 6)}********${personId.slice(-4)}`);
    expect(detail.payload.CF_XDR_ZJHM).toBe(detail.subject.idNumberMasked);
  });

  it('lists the review queue, and links a subject with records.review only', async () => {
    const reader = await keyFor('scjgj', ['records.read']);
    const queue = await t.app.inject({ method: 'GET', url: '/api/v1/records/unmatched', headers: reader });
    expect(queue.json<{ items: Array<{ id: string }> }>().items.map((r) => r.id)).toEqual(
      expect.arrayContaining([ids.unmatched]),
    );
    const url = `/api/v1/records/${ids.unmatched}/link-subject`;
    expect((await t.app.inject({ method: 'POST', url, headers: reader, payload: { subjectId } })).statusCode).toBe(403);
    const reviewer = await keyFor('scjgj', ['records.review']);
    const bad = await t.app.inject({ method: 'POST', url, headers: reviewer, payload: { subjectId, extra: 1 } });
    expect(bad.statusCode).toBe(400);
    const linked = await t.app.inject({ method: 'POST', url, headers: reviewer, payload: { subjectId } });
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ subject: { id: subjectId, matchMethod: 'manual' }, version: 2 });
    const otherReviewer = await keyFor('sthjj', ['records.review']);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/records/${ids.own}/link-subject`,
      headers: otherReviewer,
      payload: { subjectId },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'records.other_department' });
  });

  it('withdraws its own department’s records with records.submit', async () => {
    const payload = { reason: '行政复议撤销', revokedOn: daysAgo(0) };
    const url = `/api/v1/records/${ids.own}/withdraw`;
    const reader = await keyFor('scjgj', ['records.read']);
    expect((await t.app.inject({ method: 'POST', url, headers: reader, payload })).statusCode).toBe(403);
    const foreign = await keyFor('sthjj', ['records.submit']);
    expect((await t.app.inject({ method: 'POST', url, headers: foreign, payload })).statusCode).toBe(403);
    const submitter = await keyFor('scjgj', ['records.submit']);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url,
          headers: submitter,
          payload: { ...payload, revokedOn: '2026-13-01' },
        })
      ).statusCode,
    ).toBe(400);
    const done = await t.app.inject({ method: 'POST', url, headers: submitter, payload });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'withdrawn', withdrawal: { timeliness: 'on_time' } });
    const again = await t.app.inject({ method: 'POST', url, headers: submitter, payload });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'records.already_withdrawn' });
  });

  it('counts records for the dashboard: own department, or all for the credit office', async () => {
    const reader = await keyFor('scjgj', ['records.read']);
    const own = (await t.app.inject({ method: 'GET', url: '/api/v1/records/stats', headers: reader })).json<{
      total: number;
      byItem: Array<{ itemCode: string; total: number }>;
    }>();
    expect(own.total).toBe(3);
    expect(own.byItem).toEqual([expect.objectContaining({ itemCode: 'ADM_PENALTY', total: 3 })]);

    await createUser(t.db, admin, {
      username: 'records.office',
      password: 'Correct-Horse-9',
      roles: ['platform_admin'],
      departmentCode: null,
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'records.office', password: 'Correct-Horse-9' },
    });
    const session = login.cookies.find((c) => c.name === 'xy_session')!;
    const office = { cookie: `xy_session=${session.value}` };
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/records/stats', headers: office })).json<{
      total: number;
      byTimeliness: Record<string, number>;
    }>();
    expect(all.total).toBe(4);
    const sthjjOnly = await t.app.inject({
      method: 'GET',
      url: '/api/v1/records?departmentCode=sthjj',
      headers: office,
    });
    expect(sthjjOnly.json<{ items: Array<{ id: string }> }>().items.map((r) => r.id)).toEqual([ids.other]);
  });

  it('shows a department its own notifications and lets it mark them read', async () => {
    await flagOverdue(t.db, addCalendarDays(daysAgo(0), 30));
    const sthjjReader = await keyFor('sthjj', ['records.read']);
    const scjgjReader = await keyFor('scjgj', ['records.read']);
    const mine = await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: sthjjReader });
    expect(mine.statusCode).toBe(200);
    const items = mine.json<{ items: Array<{ id: string; kind: string; body: Record<string, unknown> }> }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'records.overdue', body: { newlyOverdue: 1, departmentCode: 'sthjj' } });
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/notifications', headers: scjgjReader })).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(0);
    const url = `/api/v1/notifications/${items[0]!.id}/read`;
    expect((await t.app.inject({ method: 'POST', url, headers: scjgjReader })).statusCode).toBe(404);
    const read = await t.app.inject({ method: 'POST', url, headers: sthjjReader });
    expect(read.statusCode).toBe(200);
    expect(read.json<{ readAt: string | null }>().readAt).not.toBeNull();
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/notifications?unread=true', headers: sthjjReader })).json<{
        items: unknown[];
      }>().items,
    ).toHaveLength(0);
  });
});
