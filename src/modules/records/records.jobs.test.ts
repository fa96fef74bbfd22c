import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../platform/audit';
import { systemCaller } from '../../platform/context';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { loadWorkingCalendar } from '../calendar';
import { addCalendarDays } from './records.dates';
import { endExpiredPublications, flagOverdue, recordSchedules, OVERDUE_NOTIFICATION } from './records.jobs';
import { listNotifications, readNotification } from './records.notifications';
import { getRecord, markPublished, recordStats, withdrawRecord } from './records.service';
import { recordsEnv, type RecordsEnv } from './records.settings';
import {
  authority,
  daysAgo,
  licencePayload,
  makeUscc,
  penaltyPayload,
  submit,
  today,
  type Authority,
} from './records.test-support';

describe('records: deadlines and daily jobs', () => {
  let t: TestDeps;
  let env: RecordsEnv;
  /** Publication after review: records wait as pending. */
  let held: RecordsEnv;
  let scjgj: Authority;
  let sthjj: Authority;
  const admin = systemCaller('test-admin');

  beforeAll(async () => {
    t = await createTestDeps();
    env = recordsEnv(t);
    held = { ...env, settings: { ...env.settings, publishOnReceipt: false } };
    scjgj = await authority(t, 'scjgj');
    sthjj = await authority(t, 'sthjj');
  });
  afterAll(() => t.cleanup());

  it('flags unpublished records past their deadline as overdue and tells each department once a day', async () => {
    const calendar = await loadWorkingCalendar(t.db.kysely);
    const deadline = calendar.addWorkingDays(today(), 7).date;
    const c = { name: '北京逾期有限公司', uscc: makeUscc().uscc };
    const [a, b] = await submit(t, held, 'ADM_PENALTY', [
      penaltyPayload(scjgj, c, { decisionDate: today() }),
      penaltyPayload(scjgj, c, { decisionDate: today() }),
    ]);
    const [other] = await submit(t, held, 'ADM_PENALTY', [penaltyPayload(sthjj, c, { decisionDate: today() })], {
      departmentCode: 'sthjj',
    });
    const [published] = await submit(t, env, 'ADM_PENALTY', [penaltyPayload(scjgj, c, { decisionDate: today() })]);
    // Already past its deadline when it arrives, and held: overdue at once.
    const [born] = await submit(t, held, 'ADM_PENALTY', [penaltyPayload(scjgj, c, { decisionDate: daysAgo(40) })]);
    const timeliness = async (id: string) => (await getRecord(t.db.kysely, id)).record.publication.timeliness;
    expect(await timeliness(a!.recordId)).toBe('pending');
    expect(await timeliness(published!.recordId)).toBe('on_time');
    expect(await timeliness(born!.recordId)).toBe('overdue');

    // On the deadline itself nothing is late yet.
    expect(await flagOverdue(t.db, deadline)).toMatchObject({ flagged: 0, notifications: 0 });

    const dayAfter = addCalendarDays(deadline, 1);
    expect(await flagOverdue(t.db, dayAfter)).toEqual({ flagged: 3, departments: 2, notifications: 2 });
    for (const r of [a, b, other]) expect(await timeliness(r!.recordId)).toBe('overdue');
    expect(await timeliness(published!.recordId)).toBe('on_time');

    // Idempotent: the same day again changes nothing and notifies nobody.
    expect(await flagOverdue(t.db, dayAfter)).toEqual({ flagged: 0, departments: 0, notifications: 0 });

    const scjgjId = (await getRecord(t.db.kysely, a!.recordId)).record.departmentId;
    const notices = await listNotifications(t.db.kysely, { departmentId: scjgjId, limit: 10 });
    expect(notices.items).toHaveLength(1);
    expect(notices.items[0]).toMatchObject({
      kind: OVERDUE_NOTIFICATION,
      body: { date: dayAfter, newlyOverdue: 2, totalOverdue: 3, departmentCode: 'scjgj' },
      readAt: null,
    });
    expect(notices.items[0]!.title.zh).toContain('2 条');
    const read = await readNotification(t.db, admin, notices.items[0]!.id);
    expect(read.readAt).not.toBeNull();
    expect((await readNotification(t.db, admin, notices.items[0]!.id)).readAt).toBe(read.readAt);

    // Published after review, the day after the deadline: late.
    const clock = { now: () => new Date(`${dayAfter}T04:00:00Z`) };
    expect(await markPublished(t.db.kysely, admin, [a!.recordId, published!.recordId], clock)).toBe(1);
    expect(await timeliness(a!.recordId)).toBe('late');
    const stats = await recordStats(t.db.kysely, { departmentCode: 'scjgj' });
    expect(stats.byTimeliness).toMatchObject({ late: 1, overdue: 2, on_time: 1 });
    expect((await listAudit(t.db.kysely, { action: 'records.flag_overdue' }))[0]!.detail).toMatchObject({
      flagged: 3,
    });
  });

  it('ends publication after max_end with an expire version, once', async () => {
    const c = { name: '北京到期有限公司', uscc: makeUscc().uscc };
    const [licence] = await submit(t, env, 'ADM_LICENSE', [
      licencePayload(scjgj, c, { decisionDate: daysAgo(10), validUntil: '2027-01-31' }),
    ]);
    const [open] = await submit(t, env, 'ADM_LICENSE', [licencePayload(scjgj, c, { decisionDate: daysAgo(10) })]);
    const before = (await getRecord(t.db.kysely, licence!.recordId)).record;
    expect(before).toMatchObject({ status: 'active', publication: { maxEnd: '2027-01-31', endedAt: null } });

    expect((await endExpiredPublications(t.db, '2027-01-31')).expired).toBe(0);
    const { expired } = await endExpiredPublications(t.db, '2027-02-01');
    expect(expired).toBeGreaterThanOrEqual(1);
    const after = await getRecord(t.db.kysely, licence!.recordId);
    expect(after.record).toMatchObject({ status: 'expired', version: 2 });
    expect(after.record.publication.endedAt).not.toBeNull();
    expect(after.versions.map((v) => v.change)).toEqual(['create', 'expire']);
    expect(after.versions[1]).toMatchObject({
      status: 'expired',
      payload: before.payload,
      provenance: { channel: 'system', actor: { name: 'records.jobs' } },
      note: { maxEnd: '2027-01-31' },
    });
    expect((await getRecord(t.db.kysely, open!.recordId)).record.status).toBe('active');
    expect(await endExpiredPublications(t.db, '2027-02-01')).toEqual({ expired: 0 });
  });

  it('times a withdrawal against revokedOn + 3 working days, or calendar days when so configured', async () => {
    const c = { name: '北京撤回有限公司', uscc: makeUscc().uscc };
    const [early, timely, calendarDays] = await submit(t, env, 'ADM_PENALTY', [
      penaltyPayload(scjgj, c, { decisionDate: '2026-09-01' }),
      penaltyPayload(scjgj, c, { decisionDate: daysAgo(20) }),
      penaltyPayload(scjgj, c, { decisionDate: '2026-09-01' }),
    ]);
    const reason = '复议决定撤销原处罚决定';
    // Revoked Wednesday 2026-09-30: 10-08, 10-09 and Saturday 10-10 (调休上班) are the three working days.
    const late = await withdrawRecord(t.db, admin, early!.recordId, { reason, revokedOn: '2026-09-30' }, env);
    expect(late).toMatchObject({
      status: 'withdrawn',
      withdrawal: { revokedOn: '2026-09-30', deadline: '2026-10-10', timeliness: 'late', reason },
    });
    expect(late.publication.endedAt).not.toBeNull();
    const detail = await getRecord(t.db.kysely, early!.recordId);
    expect(detail.versions.map((v) => v.change)).toEqual(['create', 'withdraw']);
    expect(detail.versions[1]!.note).toMatchObject({ reason, deadline: '2026-10-10' });

    const onTime = await withdrawRecord(t.db, admin, timely!.recordId, { reason, revokedOn: today() }, env);
    expect(onTime.withdrawal).toMatchObject({ timeliness: 'on_time' });

    const calendarEnv = { ...env, settings: { ...env.settings, withdrawalDayKind: 'calendar' as const } };
    const plain = await withdrawRecord(
      t.db,
      admin,
      calendarDays!.recordId,
      { reason, revokedOn: '2026-09-30' },
      calendarEnv,
    );
    expect(plain.withdrawal?.deadline).toBe('2026-10-03');

    await expect(
      withdrawRecord(t.db, admin, early!.recordId, { reason, revokedOn: '2026-09-30' }, env),
    ).rejects.toMatchObject({ code: 'records.already_withdrawn', status: 409 });
    const [fresh] = await submit(t, env, 'ADM_PENALTY', [penaltyPayload(scjgj, c, { decisionDate: daysAgo(5) })]);
    await expect(
      withdrawRecord(t.db, admin, fresh!.recordId, { reason, revokedOn: addCalendarDays(today(), 2) }, env),
    ).rejects.toMatchObject({ code: 'records.bad_revocation_date' });
    await expect(
      withdrawRecord(t.db, admin, fresh!.recordId, { reason, revokedOn: daysAgo(30) }, env),
    ).rejects.toMatchObject({ code: 'records.bad_revocation_date' });
    const [entry] = await listAudit(t.db.kysely, { action: 'record.withdraw' });
    expect(entry?.detail).toMatchObject({ reason });
  });

  it('exposes the daily jobs as schedules for the runner', () => {
    const schedules = recordSchedules(t);
    expect(schedules.map((s) => s.name)).toEqual(['records.end_expired_publications', 'records.flag_overdue']);
    for (const s of schedules) expect(s.pattern.split(' ')).toHaveLength(5);
  });
});
