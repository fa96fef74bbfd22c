import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../platform/testing';
import { systemCaller, type Caller } from '../../platform/context';
import { listAudit } from '../../platform/audit';
import { computeOrgCodeCheck, computeUsccCheck, computeRegistrationCheck } from './identifiers';
import {
  findSubjectByIdentifier,
  governmentLookup,
  importLegacyMappings,
  registerSubject,
  renameSubject,
  searchSubjects,
} from './subjects.service';
import { subjectsEnv } from './subjects.env';
import { createApiKey } from '../identity';

function makeUscc(prefix2: string, body8: string): { uscc: string; orgCode: string } {
  const check = computeOrgCodeCheck(body8);
  const body17 = `${prefix2}110108${body8}${check}`;
  return { uscc: body17 + computeUsccCheck(body17), orgCode: `${body8}-${check}` };
}

const officer: Caller = { ...systemCaller('test-officer'), purpose: '行政许可审查', caseNumber: 'XK-2026-001' };

describe('subjects', () => {
  let t: TestApp;
  const acme = makeUscc('91', '7A2B3C4D');
  const regBody = '11010800000001';
  const regNo = regBody + computeRegistrationCheck(regBody);

  beforeAll(async () => {
    t = await createTestApp();
    const env = subjectsEnv(t);
    await registerSubject(env, systemCaller('test'), {
      kind: 'legal_person',
      name: '北京华清智慧科技有限公司',
      uscc: acme.uscc,
      registrationNumber: regNo,
      legalRepresentative: '张伟',
      region: '中关村街道',
      industrySection: 'I',
      establishedOn: '2012-05-06',
      formerNames: ['北京华清电子有限公司'],
    });
    await registerSubject(env, systemCaller('test'), {
      kind: 'natural_person',
      name: '李娜',
      idNumber: '11010519491231002X',
      region: '110108001',
    });
  });
  afterAll(() => t.cleanup());

  it('finds a subject by its USCC, derived organisation code and legacy registration number', async () => {
    const env = subjectsEnv(t);
    const byUscc = await findSubjectByIdentifier(env, t.db.kysely, acme.uscc.toLowerCase());
    expect(byUscc?.name).toBe('北京华清智慧科技有限公司');
    expect((await findSubjectByIdentifier(env, t.db.kysely, acme.orgCode.replace('-', '')))?.id).toBe(byUscc?.id);
    expect((await findSubjectByIdentifier(env, t.db.kysely, regNo))?.id).toBe(byUscc?.id);
    expect(await findSubjectByIdentifier(env, t.db.kysely, '91350100M000100Y43')).toBeUndefined();
  });

  it('searches names by any substring, former names included, and never lists natural persons', async () => {
    const env = subjectsEnv(t);
    for (const q of ['华清', '智慧科技', '北京华清智慧科技有限公司', '华', '电子']) {
      const result = await searchSubjects(env, { q, limit: 10 }, { publicOnly: true });
      expect(
        result.items.map((i) => i.subject.uscc),
        q,
      ).toContain(acme.uscc);
    }
    const former = await searchSubjects(env, { q: '华清电子', limit: 10 }, { publicOnly: true });
    expect(former.items[0]?.isCurrentName).toBe(false);
    expect((await searchSubjects(env, { q: '李娜', limit: 10 }, { publicOnly: true })).items).toHaveLength(0);
    expect(
      (await searchSubjects(env, { q: '11010519491231002X', limit: 10 }, { publicOnly: true })).items,
    ).toHaveLength(0);
    expect((await searchSubjects(env, { q: '李娜', limit: 10 }, { publicOnly: false })).items).toHaveLength(1);
  });

  it('stores citizen ID numbers only encrypted and hashed, and finds them by the keyed hash', async () => {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM subjects WHERE kind = 'natural_person'`.execute(
      t.db.kysely,
    );
    const dump = JSON.stringify(rows.rows);
    expect(dump).not.toContain('11010519491231002X');
    expect(dump).toContain('110105********002X');
    const versions = await sql<Record<string, unknown>>`SELECT * FROM subject_versions`.execute(t.db.kysely);
    expect(JSON.stringify(versions.rows)).not.toContain('11010519491231002');
    const found = await findSubjectByIdentifier(subjectsEnv(t), t.db.kysely, '11010519491231002x');
    expect(found?.name).toBe('李娜');
  });

  it('requires a purpose for the government view and audits the look-up with the masked query', async () => {
    const env = subjectsEnv(t);
    await expect(governmentLookup(env, systemCaller('x'), { identifier: acme.uscc })).rejects.toMatchObject({
      code: 'subjects.purpose_required',
    });
    const person = await governmentLookup(env, officer, { identifier: '11010519491231002X' });
    expect(person.idNumber).toBe('11010519491231002X');
    const entries = await listAudit(t.db.kysely, { action: 'subject.lookup.government' });
    expect(entries[0]).toMatchObject({
      purpose: '行政许可审查',
      caseNumber: 'XK-2026-001',
      subjectId: person.subject.id,
    });
    expect(JSON.stringify(entries)).not.toContain('11010519491231002X');
  });

  it('rejects invalid identifiers with the precise reason and stores nothing', async () => {
    const env = subjectsEnv(t);
    const bad = acme.uscc.slice(0, 17) + (acme.uscc.endsWith('0') ? '1' : '0');
    await expect(
      registerSubject(env, systemCaller('t'), { kind: 'legal_person', name: '坏代码公司', uscc: bad }),
    ).rejects.toMatchObject({
      code: 'subjects.invalid',
      errors: [expect.objectContaining({ field: 'uscc', code: 'identifier.check_mismatch' })],
    });
    await expect(
      registerSubject(env, systemCaller('t'), { kind: 'natural_person', name: '王五', idNumber: '110105194913320021' }),
    ).rejects.toMatchObject({ errors: [expect.objectContaining({ field: 'idNumber' })] });
    const result = await searchSubjects(env, { q: '坏代码', limit: 5 }, { publicOnly: false });
    expect(result.total).toBe(0);
  });

  it('refuses a second subject with the same USCC, naming the existing one', async () => {
    await expect(
      registerSubject(subjectsEnv(t), systemCaller('t'), { kind: 'legal_person', name: '重复公司', uscc: acme.uscc }),
    ).rejects.toMatchObject({ code: 'subjects.duplicate_identifier', status: 409 });
  });

  it('keeps the old name searchable after a rename and versions the change', async () => {
    const env = subjectsEnv(t);
    const other = makeUscc('91', '5K6M7N8P');
    const created = await registerSubject(env, systemCaller('t'), {
      kind: 'legal_person',
      name: '北京旧名称有限公司',
      uscc: other.uscc,
    });
    const renamed = await renameSubject(env, systemCaller('t'), created.id, {
      name: '北京新名称有限公司',
      effectiveOn: '2025-01-01',
    });
    expect(renamed.version).toBe(2);
    const byOld = await searchSubjects(env, { q: '旧名称', limit: 5 }, { publicOnly: true });
    expect(byOld.items[0]?.subject.name).toBe('北京新名称有限公司');
    await expect(
      renameSubject(env, systemCaller('t'), created.id, { name: 'x', effectiveOn: '2025-02-01', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'subjects.version_conflict' });
  });

  it('imports a legacy mapping table all or nothing', async () => {
    const env = subjectsEnv(t);
    const target = makeUscc('91', '9Q8R7T6U');
    await registerSubject(env, systemCaller('t'), {
      kind: 'legal_person',
      name: '北京映射测试有限公司',
      uscc: target.uscc,
    });
    const legacyBody = '3B4C5D6E';
    const legacy = `${legacyBody}-${computeOrgCodeCheck(legacyBody)}`;
    const bad = await importLegacyMappings(env, systemCaller('t'), [
      { legacyCode: legacy, uscc: target.uscc },
      { legacyCode: 'D2143569-1', uscc: target.uscc },
    ]);
    expect(bad.mapped).toBe(0);
    expect(bad.errors).toEqual([expect.objectContaining({ row: 2, field: 'legacyCode', value: 'D2143569-1' })]);
    expect(await findSubjectByIdentifier(env, t.db.kysely, legacy)).toBeUndefined();
    const good = await importLegacyMappings(env, systemCaller('t'), [{ legacyCode: legacy, uscc: target.uscc }]);
    expect(good).toMatchObject({ mapped: 1, errors: [] });
    expect((await findSubjectByIdentifier(env, t.db.kysely, legacy))?.uscc).toBe(target.uscc);
    const again = await importLegacyMappings(env, systemCaller('t'), [{ legacyCode: legacy, uscc: target.uscc }]);
    expect(again).toMatchObject({ mapped: 0, unchanged: 1 });
  });

  it('stores and returns hostile text as text', async () => {
    const env = subjectsEnv(t);
    const hostile = `<script>alert(1)</script>'; DROP TABLE subjects;-- 公司`;
    const codes = makeUscc('91', '2W3X4Y5A');
    await registerSubject(env, systemCaller('t'), { kind: 'legal_person', name: hostile, uscc: codes.uscc });
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/subjects?q=${encodeURIComponent('DROP TABLE')}`,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items[0].name).toBe(hostile);
    expect(response.headers['content-type']).toContain('application/json');
  });

  describe('HTTP', () => {
    it('serves public search with region and industry labels', async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/v1/public/subjects?q=${encodeURIComponent('华清')}`,
      });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.items[0]).toMatchObject({ uscc: acme.uscc, regionName: '中关村街道', kindLabel: '法人' });
      expect(body.total).toBeGreaterThanOrEqual(1);
    });

    it('refuses unknown query fields with problem+json naming the field', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/subjects?q=a&bogus=1' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'validation_failed' });
      expect(JSON.stringify(response.json().errors)).toContain('bogus');
    });

    it('names a missing field as required, in the language asked for', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/identifiers/check',
        headers: { 'accept-language': 'en-US,en;q=0.9' },
        payload: {},
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual([{ field: 'body.values', code: 'required', message: 'required' }]);
      expect(response.json().title).toBe('Invalid request: body.values: required');
    });

    it('explains that a government look-up needs a purpose, and audits one that has it', async () => {
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/v1/subjects/lookup?identifier=${acme.uscc}` })).statusCode,
      ).toBe(401);
      const { key } = await createApiKey(t.db, systemCaller('test'), {
        name: 'permit system',
        departmentCode: 'scjgj',
        permissions: ['subjects.lookup'],
      });
      const headers = { authorization: `Bearer ${key}`, 'accept-language': 'en' };
      const missing = await t.app.inject({
        method: 'GET',
        url: `/api/v1/subjects/lookup?identifier=${acme.uscc}`,
        headers,
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({ code: 'subjects.purpose_required' });
      expect(missing.json().title).toContain('purpose');
      const ok = await t.app.inject({
        method: 'GET',
        url: `/api/v1/subjects/lookup?identifier=${acme.uscc}&purpose=${encodeURIComponent('许可审查')}&caseNumber=A-1`,
        headers,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ uscc: acme.uscc, idNumber: null });
      const [entry] = await listAudit(t.db.kysely, { action: 'subject.lookup.government' });
      expect(entry).toMatchObject({
        actorKind: 'api_client',
        purpose: '许可审查',
        caseNumber: 'A-1',
        requestId: ok.headers['x-request-id'],
      });
    });

    it('takes the look-up as a POST body, keeping purpose and case number out of the URL but in the audit log', async () => {
      const { key } = await createApiKey(t.db, systemCaller('test'), {
        name: 'case system',
        departmentCode: 'scjgj',
        permissions: ['subjects.lookup'],
      });
      const headers = { authorization: `Bearer ${key}` };
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/subjects/lookup',
        headers,
        payload: { identifier: acme.uscc, purpose: '   ', caseNumber: 'CF-1' },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toMatchObject({ code: 'subjects.purpose_required' });
      expect(refused.json().title).toContain('查询目的');

      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/v1/subjects/lookup',
        headers,
        payload: {
          identifier: '11010519491231002X',
          purpose: '行政处罚案件办理',
          caseNumber: ' 海市监罚〔2026〕12号 ',
        },
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ kind: 'natural_person', idNumber: '11010519491231002X' });
      const [entry] = await listAudit(t.db.kysely, { action: 'subject.lookup.government' });
      expect(entry).toMatchObject({
        purpose: '行政处罚案件办理',
        caseNumber: '海市监罚〔2026〕12号',
        subjectId: ok.json().id,
        requestId: ok.headers['x-request-id'],
      });
      expect(JSON.stringify(entry)).not.toContain('11010519491231002X');
    });

    it('checks identifiers over HTTP with bilingual reasons', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/identifiers/check',
        payload: { values: ['91350100M000100Y43', '91350100M000100Y44'] },
      });
      const [good, bad] = response.json().items;
      expect(good).toMatchObject({ kind: 'uscc', valid: true });
      expect(bad).toMatchObject({ valid: false, reason: { code: 'check_mismatch' } });
      expect(bad.reason.en).toContain('check character should be 3, got 4');
    });

    it('requires sign-in to register subjects', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/subjects',
        payload: { kind: 'legal_person', name: 'x' },
      });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('unauthenticated');
    });

    it('refuses an oversized body before reading it', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/identifiers/check',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ values: ['x'.repeat(2 * 1024 * 1024)] }),
      });
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('request.body_too_large');
    });

    it('hides natural persons from the public subject page', async () => {
      const person = await findSubjectByIdentifier(subjectsEnv(t), t.db.kysely, '11010519491231002X');
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/subjects/${person!.id}` });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('11010519491231002X');
    });
  });
});
