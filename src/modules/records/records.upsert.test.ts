import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { listAudit } from '../../platform/audit';
import { systemCaller } from '../../platform/context';
import { createTestDeps, type TestDeps } from '../../platform/testing';
import { loadWorkingCalendar } from '../calendar';
import { getCatalogItem, updateCatalogItem, type CatalogItem, type CatalogItemDefinition } from '../catalog';
import { registerSubject, subjectsEnv } from '../subjects';
import { getRecord, linkSubject, listUnmatched } from './records.service';
import { recordsEnv, type RecordsEnv } from './records.settings';
import {
  authority,
  daysAgo,
  licencePayload,
  makeCitizenId,
  makeRegistrationNumber,
  makeUscc,
  penaltyPayload,
  submit,
  today,
  type Authority,
} from './records.test-support';

function definitionOf(item: CatalogItem): CatalogItemDefinition {
  const {
    version: _v,
    currentVersion: _c,
    status: _s,
    sharing: _sh,
    changeKind: _k,
    changeNote: _n,
    versionCreatedAt: _a,
    versionCreatedBy: _b,
    ...definition
  } = item;
  return definition;
}

describe('records: upsert', () => {
  let t: TestDeps;
  let env: RecordsEnv;
  let scjgj: Authority;
  const admin = systemCaller('test-admin');

  beforeAll(async () => {
    t = await createTestDeps();
    env = recordsEnv(t);
    scjgj = await authority(t);
  });
  afterAll(() => t.cleanup());

  it('is idempotent: the same content is unchanged, different content a correction with the history kept', async () => {
    const company = makeUscc();
    const payload = penaltyPayload(scjgj, { name: '北京幂等科技有限公司', uscc: company.uscc });
    const [first] = await submit(t, env, 'ADM_PENALTY', [payload]);
    expect(first).toMatchObject({ rowNumber: 1, outcome: 'created' });

    // Same content with the keys in another order: same record, no version.
    const reordered = Object.fromEntries(Object.entries(payload).reverse());
    const [again] = await submit(t, env, 'ADM_PENALTY', [reordered]);
    expect(again).toMatchObject({ recordId: first!.recordId, outcome: 'unchanged' });

    const corrected = { ...payload, CF_NR_FK: '8', CF_NR: '罚款人民币捌万元' };
    const [third] = await submit(t, env, 'ADM_PENALTY', [corrected], { channel: 'file', fileHash: 'sha256:abc' });
    expect(third).toMatchObject({ recordId: first!.recordId, outcome: 'corrected' });

    const detail = await getRecord(t.db.kysely, first!.recordId);
    expect(detail.record.version).toBe(2);
    expect(detail.record.payload.CF_NR_FK).toBe('8');
    expect(detail.versions.map((v) => [v.version, v.change, v.payload.CF_NR_FK])).toEqual([
      [1, 'create', '5'],
      [2, 'correct', '8'],
    ]);
    expect(detail.versions[1]!.provenance).toMatchObject({
      channel: 'file',
      fileHash: 'sha256:abc',
      actor: { kind: 'system', name: 'records-test' },
    });
    // Classification is content too: re-classing the same decision is a correction.
    const [reclassed] = await submit(t, env, 'ADM_PENALTY', [
      { rowNumber: 1, payload: corrected, classification: 'serious' },
    ]);
    expect(reclassed!.outcome).toBe('corrected');
    expect((await getRecord(t.db.kysely, first!.recordId)).record).toMatchObject({ version: 3, class: 'serious' });

    // The decision number re-typed (other brackets, full-width digits) still names the same record.
    const retyped = { ...corrected, CF_WSH: String(payload.CF_WSH).replace('〔', '[').replace('〕', ']') };
    const [sameKey] = await submit(t, env, 'ADM_PENALTY', [retyped]);
    expect(sameKey).toMatchObject({ recordId: first!.recordId, outcome: 'corrected' });
  });

  it('handles the same record twice in one call as create then correct', async () => {
    const payload = penaltyPayload(scjgj, { name: '北京同批次有限公司', uscc: makeUscc().uscc });
    const results = await submit(t, env, 'ADM_PENALTY', [payload, payload, { ...payload, CF_NR_FK: '6' }]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'unchanged', 'corrected']);
    expect(new Set(results.map((r) => r.recordId)).size).toBe(1);
    const detail = await getRecord(t.db.kysely, results[0]!.recordId);
    expect(detail.versions.map((v) => v.change)).toEqual(['create', 'correct']);
  });

  it('writes one audit entry per call with the counts and the batch id', async () => {
    const rows = [1, 2, 3].map((i) => penaltyPayload(scjgj, { name: `北京审计${i}有限公司`, uscc: makeUscc().uscc }));
    await submit(t, env, 'ADM_PENALTY', rows, { batchId: 'batch-audit-1' });
    const entries = await listAudit(t.db.kysely, { action: 'records.upsert' });
    const entry = entries.find((e) => e.targetId === 'batch-audit-1');
    expect(entry?.detail).toMatchObject({ rows: 3, created: 3, corrected: 0, unchanged: 0, departmentCode: 'scjgj' });
    const versions = await sql<{
      n: number;
    }>`select count(*) as n from record_versions where batch_id = ${'batch-audit-1'}`.execute(t.db.kysely);
    expect(Number(versions.rows[0]!.n)).toBe(3);
  });

  describe('subject matching', () => {
    const sEnv = () => subjectsEnv(t);
    const byUscc = makeUscc();
    const legacyOnly = makeUscc();
    const withDerived = makeUscc();
    const regNo = makeRegistrationNumber();
    const nameOnlyReg = makeRegistrationNumber();
    const twinA = makeRegistrationNumber();
    const twinB = makeRegistrationNumber();
    const outsideReg = makeRegistrationNumber();
    const person = makeCitizenId();
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const reg = async (key: string, input: Parameters<typeof registerSubject>[2]) => {
        ids[key] = (await registerSubject(sEnv(), admin, input)).id;
      };
      await reg('uscc', {
        kind: 'legal_person',
        name: '北京统一代码有限公司',
        uscc: byUscc.uscc,
        region: '中关村街道',
      });
      // Registered before 2015 by its organisation code only.
      await reg('legacy', {
        kind: 'other_org',
        name: '北京老代码研究所',
        orgCode: legacyOnly.orgCode,
        region: '学院路街道',
      });
      await reg('derived', {
        kind: 'legal_person',
        name: '北京派生代码有限公司',
        uscc: withDerived.uscc,
        region: '海淀街道',
      });
      await reg('reg', {
        kind: 'individual_business',
        name: '海淀注册号商店',
        registrationNumber: regNo,
        region: '燕园街道',
      });
      await reg('person', { kind: 'natural_person', name: '赵敏', idNumber: person, region: '110108001' });
      await reg('name', {
        kind: 'legal_person',
        name: '北京唯一名称有限公司',
        registrationNumber: nameOnlyReg,
        region: '上地街道',
      });
      await reg('twinA', {
        kind: 'legal_person',
        name: '北京同名有限公司',
        registrationNumber: twinA,
        region: '上地街道',
      });
      await reg('twinB', {
        kind: 'legal_person',
        name: '北京同名有限公司',
        registrationNumber: twinB,
        region: '清河街道',
      });
      await reg('outside', { kind: 'legal_person', name: '北京区外有限公司', registrationNumber: outsideReg });
    });

    it('matches by USCC, then organisation code (given or embedded in the USCC), registration number, ID hash, exact name', async () => {
      const rows = [
        // 1 USCC first, although the name is another subject's.
        penaltyPayload(scjgj, { name: '北京唯一名称有限公司', uscc: byUscc.uscc }),
        // 2 an unknown USCC whose positions 9–17 are a legacy-only subject's organisation code.
        penaltyPayload(scjgj, { name: '北京老代码研究所', uscc: legacyOnly.uscc }),
        // 3 only an organisation code, of a subject registered by USCC (its derived code).
        penaltyPayload(scjgj, { name: '北京派生代码有限公司', orgCode: withDerived.orgCode.replace('-', '') }),
        // 4 organisation code before registration number.
        penaltyPayload(scjgj, { name: 'x', orgCode: withDerived.orgCode, registrationNumber: regNo }),
        // 5 registration number.
        penaltyPayload(scjgj, { name: '海淀注册号商店', registrationNumber: regNo }),
        // 6 a natural person by the keyed hash of the ID number (lower-case x and all).
        penaltyPayload(scjgj, { name: '赵敏', idNumber: person.toLowerCase() }),
        // 7 exact name within the region, no code contradicting it.
        penaltyPayload(scjgj, { name: '北京唯一名称有限公司', uscc: makeUscc().uscc }),
        // 8 ambiguous name: two subjects.
        penaltyPayload(scjgj, { name: '北京同名有限公司', uscc: makeUscc().uscc }),
        // 9 the name's one subject has another registration number: no match.
        penaltyPayload(scjgj, { name: '北京唯一名称有限公司', registrationNumber: makeRegistrationNumber() }),
        // 10 a subject outside the region is not matched by name.
        penaltyPayload(scjgj, { name: '北京区外有限公司', uscc: makeUscc().uscc }),
        // 11 no fuzzy guesses: a near name does not match.
        penaltyPayload(scjgj, { name: '北京唯一名称有限责任公司', uscc: makeUscc().uscc }),
        // 12 a natural person is never matched by name.
        penaltyPayload(scjgj, { name: '赵敏', idNumber: makeCitizenId() }),
      ];
      const results = await submit(t, env, 'ADM_PENALTY', rows);
      const subjectOf = async (i: number) => (await getRecord(t.db.kysely, results[i]!.recordId)).record.subject;
      expect(await subjectOf(0)).toMatchObject({ id: ids.uscc, matchMethod: 'uscc' });
      expect(await subjectOf(1)).toMatchObject({ id: ids.legacy, matchMethod: 'org_code' });
      expect(await subjectOf(2)).toMatchObject({ id: ids.derived, matchMethod: 'org_code' });
      expect(await subjectOf(3)).toMatchObject({ id: ids.derived, matchMethod: 'org_code' });
      expect(await subjectOf(4)).toMatchObject({ id: ids.reg, matchMethod: 'registration_number' });
      expect(await subjectOf(5)).toMatchObject({ id: ids.person, matchMethod: 'id_number' });
      expect(await subjectOf(6)).toMatchObject({ id: ids.name, matchMethod: 'name' });
      for (const i of [7, 8, 9, 10, 11]) {
        expect(results[i]!.subjectMatched, `row ${i + 1}`).toBe(false);
        expect((await subjectOf(i)).id, `row ${i + 1}`).toBeNull();
      }
      expect(results.slice(0, 7).every((r) => r.subjectMatched)).toBe(true);
    });

    it('queues unmatched records for review, and a reviewer links one (audited, versioned)', async () => {
      const [row] = await submit(t, env, 'ADM_PENALTY', [
        penaltyPayload(scjgj, { name: '北京同名有限公司', uscc: makeUscc().uscc }),
      ]);
      const queue = await listUnmatched(t.db.kysely, { departmentCode: 'scjgj', limit: 200 });
      expect(queue.items.map((r) => r.id)).toContain(row!.recordId);

      // A subject whose USCC contradicts the record's is refused.
      await expect(linkSubject(t.db, admin, row!.recordId, ids.uscc!)).rejects.toMatchObject({
        code: 'records.subject_conflict',
      });
      const reviewer = { ...admin, actor: { ...admin.actor, name: 'reviewer-li' } };
      const linked = await linkSubject(t.db, reviewer, row!.recordId, ids.twinA!);
      expect(linked.subject).toMatchObject({ id: ids.twinA, matchMethod: 'manual' });
      expect((await listUnmatched(t.db.kysely, { limit: 200 })).items.map((r) => r.id)).not.toContain(row!.recordId);
      const [entry] = await listAudit(t.db.kysely, { action: 'record.link_subject' });
      expect(entry).toMatchObject({ actorName: 'reviewer-li', targetId: row!.recordId, subjectId: ids.twinA });
      expect(entry!.detail).toMatchObject({ from: null, to: ids.twinA });
      const detail = await getRecord(t.db.kysely, row!.recordId);
      expect(detail.versions.map((v) => v.change)).toEqual(['create', 'link_subject']);
      expect(detail.versions[1]!.provenance.actor.name).toBe('reviewer-li');

      // A correction that leaves the subject's identity alone keeps the reviewer's link.
      const payload = penaltyPayload(
        scjgj,
        { name: '北京同名有限公司', uscc: detail.record.subject.uscc! },
        {
          wsh: detail.record.payload.CF_WSH as string,
          CF_NR_FK: '9',
        },
      );
      const [fix] = await submit(t, env, 'ADM_PENALTY', [payload]);
      expect(fix).toMatchObject({ outcome: 'corrected', subjectMatched: true });
      expect((await getRecord(t.db.kysely, row!.recordId)).record.subject.id).toBe(ids.twinA);
    });
  });

  it('computes the publication deadline over the working calendar, and timeliness at receipt', async () => {
    const calendar = await loadWorkingCalendar(t.db.kysely);
    const c = { name: '北京时效有限公司', uscc: makeUscc().uscc };
    const rows = [
      penaltyPayload(scjgj, c, { decisionDate: '2026-09-30' }),
      penaltyPayload(scjgj, c, { decisionDate: today() }),
      penaltyPayload(scjgj, c, { decisionDate: daysAgo(60) }),
    ];
    const results = await submit(t, env, 'ADM_PENALTY', rows);
    const records = await Promise.all(results.map(async (r) => (await getRecord(t.db.kysely, r.recordId)).record));
    // National Day 2026: 10-01…10-07 off, Saturday 10-10 worked (国办发明电〔2025〕7号).
    expect(records[0]!.publication.deadline).toBe('2026-10-15');
    expect(records[0]!.publication).toMatchObject({ timeliness: 'late' });
    expect(records[1]!.publication.deadline).toBe(calendar.addWorkingDays(today(), 7).date);
    expect(records[1]!.publication).toMatchObject({ timeliness: 'on_time' });
    expect(records[1]!.publication.publishedAt).not.toBeNull();
    expect(records[2]!.publication.timeliness).toBe('late');
    // 2026 is a complete year: no warning.
    expect(results[0]!.warnings).toBeUndefined();
  });

  it('warns on the row when the calendar has no data for a year the deadline crosses', async () => {
    const [row] = await submit(t, env, 'ADM_PENALTY', [
      penaltyPayload(scjgj, { name: '北京旧年有限公司', uscc: makeUscc().uscc }, { decisionDate: '2019-12-30' }),
    ]);
    expect(row!.warnings?.map((w) => w.code)).toContain('calendar.year_missing');
    expect(row!.warnings?.map((w) => w.year)).toEqual(expect.arrayContaining([2020]));
  });

  it('stores min_end/max_end from the item rule: penalties by class and regime, licences by validity', async () => {
    const c = { name: '北京期限有限公司', uscc: makeUscc().uscc };
    const results = await submit(t, env, 'ADM_PENALTY', [
      { rowNumber: 1, payload: penaltyPayload(scjgj, c, { decisionDate: '2026-05-10' }), classification: 'minor' },
      { rowNumber: 2, payload: penaltyPayload(scjgj, c, { decisionDate: '2026-05-10' }) },
      { rowNumber: 3, payload: penaltyPayload(scjgj, c, { decisionDate: '2026-05-10' }), classification: 'serious' },
      { rowNumber: 4, payload: penaltyPayload(scjgj, c, { decisionDate: '2026-03-20' }), classification: 'serious' },
      {
        rowNumber: 5,
        payload: penaltyPayload(scjgj, c, { decisionDate: '2026-05-10', kinds: ['警告', '罚款', '吊销许可证件'] }),
        classification: 'general',
      },
    ]);
    const get = async (i: number) => (await getRecord(t.db.kysely, results[i]!.recordId)).record;
    const minor = await get(0);
    // Minor penalties are normally not published: no deadline, no publication; this one's window has closed.
    expect(minor).toMatchObject({ class: 'minor', status: 'expired' });
    expect(minor.publication).toMatchObject({
      minEnd: '2026-05-10',
      maxEnd: '2026-08-10',
      deadline: null,
      publishedAt: null,
      timeliness: null,
    });
    expect(await get(1)).toMatchObject({
      class: 'general',
      classSource: 'default',
      publication: { minEnd: '2026-08-10', maxEnd: '2027-05-10' },
    });
    expect((await get(2)).publication).toMatchObject({ minEnd: '2027-05-10', maxEnd: '2029-05-10' });
    expect((await get(3)).publication).toMatchObject({ minEnd: '2026-06-20', maxEnd: '2029-03-20' });
    // Several penalty kinds without configured classes: the submitted class holds.
    expect((await get(4)).publication).toMatchObject({ maxEnd: '2027-05-10' });

    const severe = { ...env, settings: { ...env.settings, penaltyKindClasses: { 吊销许可证件: 'serious' as const } } };
    const [kinds] = await submit(t, severe, 'ADM_PENALTY', [
      {
        rowNumber: 1,
        payload: penaltyPayload(scjgj, c, { decisionDate: '2026-05-10', kinds: ['警告', '罚款', '吊销许可证件'] }),
        classification: 'general',
      },
    ]);
    expect((await getRecord(t.db.kysely, kinds!.recordId)).record).toMatchObject({
      class: 'serious',
      classSource: 'penalty_kind',
      publication: { maxEnd: '2029-05-10' },
    });

    const licences = await submit(t, env, 'ADM_LICENSE', [
      licencePayload(scjgj, c, { decisionDate: '2026-01-05', validUntil: '2031-01-04' }),
      licencePayload(scjgj, c, { decisionDate: '2026-01-05', validUntil: '9999-12-31' }),
    ]);
    const [bounded, open] = await Promise.all(licences.map((r) => getRecord(t.db.kysely, r.recordId)));
    expect(bounded!.record).toMatchObject({ class: null, publication: { maxEnd: '2031-01-04' } });
    expect(open!.record.publication).toMatchObject({ minEnd: null, maxEnd: null });
    expect(open!.record.decisionDate).toBe('2026-01-05');
  });

  it('keeps natural persons’ ID numbers out of every table in clear', async () => {
    const id = makeCitizenId();
    const representative = makeCitizenId();
    const payload = penaltyPayload(scjgj, { name: '钱多多', idNumber: id });
    const [created] = await submit(t, env, 'ADM_PENALTY', [payload]);
    await submit(t, env, 'ADM_PENALTY', [{ ...payload, CF_NR_FK: '1' }]);
    await submit(t, env, 'ADM_LICENSE', [
      licencePayload(
        scjgj,
        { name: '北京法人证件有限公司', uscc: makeUscc().uscc },
        {
          XK_FR_ZJLX: '身份证',
          XK_FR_ZJHM: representative,
        },
      ),
    ]);
    const dump: string[] = [];
    for (const table of ['records', 'record_versions', 'notifications', 'audit_log']) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(t.db.kysely);
      dump.push(JSON.stringify(rows.rows));
    }
    const all = dump.join('\n');
    for (const secret of [id, representative]) {
      expect(all).not.toContain(secret);
      expect(all).not.toContain(secret.slice(0, 14));
    }
    const record = (await getRecord(t.db.kysely, created!.recordId)).record;
    expect(record.subject.idNumberMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(record.payload.CF_XDR_ZJHM).toBe(record.subject.idNumberMasked);
    // The ciphertext is there for authorised views.
    const stored = await sql<{
      protected_payload: string;
    }>`select protected_payload from records where id = ${created!.recordId}`.execute(t.db.kysely);
    const sealed = JSON.parse(stored.rows[0]!.protected_payload) as Record<string, string>;
    expect(env.protector.decrypt(sealed.CF_XDR_ZJHM!)).toBe(id);
  });

  it('refuses other departments, non-providers and rows without their identity key', async () => {
    const clerk = {
      ...admin,
      actor: {
        ...admin.actor,
        kind: 'user' as const,
        departmentId: 'not-scjgj',
        permissions: new Set(['records.submit']),
      },
    };
    const payload = penaltyPayload(scjgj, { name: '北京拒绝有限公司', uscc: makeUscc().uscc });
    await expect(submit(t, env, 'ADM_PENALTY', [payload], { caller: clerk })).rejects.toMatchObject({
      code: 'records.other_department',
    });
    await expect(submit(t, env, 'ADM_PENALTY', [payload], { departmentCode: 'nope' })).rejects.toMatchObject({
      code: 'records.unknown_department',
    });
    const { CF_WSH: _w, ...keyless } = payload;
    await expect(submit(t, env, 'ADM_PENALTY', [keyless])).rejects.toMatchObject({ code: 'records.key_missing' });
  });

  it('refuses breaking catalog changes once records use the item (through the catalog service)', async () => {
    const breaking = (item: CatalogItem): CatalogItemDefinition => {
      const definition = definitionOf(item);
      return { ...definition, fields: definition.fields.filter((f) => f.code !== 'BZ') };
    };
    const penalty = await getCatalogItem(t.db.kysely, 'ADM_PENALTY');
    await expect(
      updateCatalogItem(t.db, admin, 'ADM_PENALTY', { definition: breaking(penalty), changeNote: 'drop BZ' }),
    ).rejects.toMatchObject({ code: 'catalog.breaking_change' });
    // An item nobody has submitted records of may still change.
    const unused = await getCatalogItem(t.db.kysely, 'QUALITY_SPOT_CHECK');
    const updated = await updateCatalogItem(t.db, admin, 'QUALITY_SPOT_CHECK', {
      definition: breaking(unused),
      changeNote: 'drop BZ',
    });
    expect(updated.version).toBe(unused.version + 1);
  });

  it('upserts 5,000 rows in chunks of 1,000 at a useful rate', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) =>
      penaltyPayload(
        scjgj,
        i % 10 === 0
          ? { name: `自然人${i}`, idNumber: makeCitizenId() }
          : { name: `北京批量${i}有限公司`, uscc: makeUscc().uscc },
        { wsh: `京海市监罚〔2026〕B${i}号`, decisionDate: daysAgo(i % 200) },
      ),
    );
    const started = performance.now();
    let created = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      const out = await submit(t, env, 'ADM_PENALTY', rows.slice(i, i + 1000), { batchId: 'bulk' });
      created += out.filter((r) => r.outcome === 'created').length;
    }
    const seconds = (performance.now() - started) / 1000;
    const again = performance.now();
    const unchanged = await submit(t, env, 'ADM_PENALTY', rows.slice(0, 1000), { batchId: 'bulk-again' });
    const againSeconds = (performance.now() - again) / 1000;
    console.log(
      `[records] ${t.db.dialect}: upserted ${rows.length} new rows in ${seconds.toFixed(2)} s (${Math.round(rows.length / seconds)} rows/s); ` +
        `1,000 unchanged re-submissions in ${againSeconds.toFixed(2)} s`,
    );
    expect(created).toBe(5000);
    expect(unchanged.every((r) => r.outcome === 'unchanged')).toBe(true);
  });
});
