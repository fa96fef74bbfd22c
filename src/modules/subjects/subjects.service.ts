import type { Db, Executor } from '../../platform/db';
import { isUniqueViolation } from '../../platform/db';
import type { Caller } from '../../platform/context';
import type { Protector } from '../../platform/crypto';
import { appendAudit } from '../../platform/audit';
import { newId, nowIso } from '../../platform/ids';
import type { FieldError } from '../../platform/errors';
import { checkIdentifier, normalizeIdentifier } from './identifiers';
import * as repo from './subjects.repository';
import type { SubjectRow, SubjectsTables, SubjectIdentifiersTable } from './subjects.repository';
import { validateNewSubject, type NewSubjectInput, type ValidSubject } from './subjects.validation';
import {
  duplicateIdentifier,
  invalidSubject,
  purposeRequired,
  subjectNotFound,
  versionConflict,
} from './subjects.errors';

export interface SubjectsEnv {
  readonly db: Db;
  readonly protector: Protector;
  readonly usccAllowList: readonly string[];
}

interface Prepared {
  readonly row: SubjectRow;
  readonly names: SubjectsTables['subject_names'][];
  readonly identifiers: SubjectIdentifiersTable[];
}

function prepare(env: SubjectsEnv, subject: ValidSubject, at: string): Prepared {
  const id = newId();
  const isPerson = subject.kind === 'natural_person';
  const idHash = subject.idNumber ? env.protector.lookupHash(subject.idNumber) : null;
  const row: SubjectRow = {
    id,
    kind: subject.kind,
    name: subject.name,
    uscc: subject.uscc,
    org_code: subject.orgCode ?? subject.derivedOrgCode,
    registration_number: subject.registrationNumber,
    id_number_hash: idHash,
    id_number_enc: subject.idNumber ? env.protector.encrypt(subject.idNumber) : null,
    id_number_masked: subject.idNumberMasked,
    legal_representative: subject.legalRepresentative,
    region_code: subject.regionCode,
    industry_section: subject.industrySection,
    established_on: subject.establishedOn,
    status: 'active',
    version: 1,
    created_at: at,
    updated_at: at,
  };
  // Natural persons never appear in public name search (PIPL: minimum necessary).
  const isPublic = isPerson ? 0 : 1;
  const names: SubjectsTables['subject_names'][] = [
    ...subject.formerNames.map((n) => ({
      subject_id: id,
      name: n,
      is_current: 0,
      public: isPublic,
      valid_from: null,
      valid_to: null,
    })),
    {
      subject_id: id,
      name: subject.name,
      is_current: 1,
      public: isPublic,
      valid_from: subject.establishedOn,
      valid_to: null,
    },
  ];
  const identifiers: SubjectIdentifiersTable[] = [];
  const add = (kind: repo.IdentifierKindCode, value: string | null, source: SubjectIdentifiersTable['source']) => {
    if (value) identifiers.push({ kind, value, subject_id: id, source, created_at: at });
  };
  add('uscc', subject.uscc, 'registered');
  add('org_code', subject.orgCode, 'registered');
  add('org_code', subject.derivedOrgCode, 'derived');
  add('registration_number', subject.registrationNumber, 'registered');
  add('citizen_id_hash', idHash, 'registered');
  return { row, names, identifiers };
}

function snapshot(row: SubjectRow): string {
  // The version history never holds the ID number, not even encrypted.
  const { id_number_enc: _enc, id_number_hash: _hash, ...rest } = row;
  return JSON.stringify(rest);
}

/** Names the subject that already holds one of these identifiers, before anything is written. */
async function refuseDuplicates(tx: Executor, prepared: Prepared): Promise<void> {
  for (const ident of prepared.identifiers) {
    const existing = await repo.findByIdentifier(tx, ident.kind, ident.value);
    if (existing)
      throw duplicateIdentifier(
        ident.kind,
        ident.kind === 'citizen_id_hash' ? (prepared.row.id_number_masked ?? '') : ident.value,
        existing.id,
      );
  }
}

/** Registers one subject (plan C3): identifiers checked, legacy code derived, audited. */
export async function registerSubject(env: SubjectsEnv, caller: Caller, input: NewSubjectInput): Promise<SubjectRow> {
  const result = validateNewSubject(input, env.usccAllowList);
  if (!result.ok) throw invalidSubject(result.errors);
  const at = nowIso();
  const prepared = prepare(env, result.subject, at);
  return env.db.transaction(async (tx) => {
    await refuseDuplicates(tx, prepared);
    try {
      await repo.insertSubjects(tx, [prepared.row]);
      await repo.insertIdentifiers(tx, prepared.identifiers);
    } catch (error) {
      // A concurrent registration won the race between the check and the insert.
      if (isUniqueViolation(error))
        throw duplicateIdentifier('identifier', prepared.row.uscc ?? prepared.row.name, 'concurrent');
      throw error;
    }
    await repo.insertNames(tx, prepared.names);
    await repo.insertVersion(tx, {
      subject_id: prepared.row.id,
      version: 1,
      snapshot: snapshot(prepared.row),
      changed_at: at,
      changed_by: caller.actor.name,
      change: 'create',
    });
    await appendAudit(tx, caller, {
      action: 'subject.create',
      targetType: 'subject',
      targetId: prepared.row.id,
      subjectId: prepared.row.id,
      detail: { kind: prepared.row.kind, name: prepared.row.name, uscc: prepared.row.uscc },
    });
    return prepared.row;
  });
}

export interface BulkOutcome {
  readonly inserted: number;
  readonly errors: readonly { index: number; errors: readonly FieldError[] }[];
}

/**
 * Registers many subjects in one transaction with one audit entry (demo
 * loads, registry imports). Invalid entries are reported, valid ones stored.
 */
export async function registerSubjectsBulk(
  env: SubjectsEnv,
  caller: Caller,
  inputs: readonly NewSubjectInput[],
  source: string,
): Promise<BulkOutcome> {
  const at = nowIso();
  const errors: { index: number; errors: readonly FieldError[] }[] = [];
  const prepared: Prepared[] = [];
  inputs.forEach((input, index) => {
    const result = validateNewSubject(input, env.usccAllowList);
    if (result.ok) prepared.push(prepare(env, result.subject, at));
    else errors.push({ index, errors: result.errors });
  });
  await env.db.transaction(async (tx) => {
    await repo.insertSubjects(
      tx,
      prepared.map((p) => p.row),
    );
    await repo.insertIdentifiers(
      tx,
      prepared.flatMap((p) => p.identifiers),
    );
    await repo.insertNames(
      tx,
      prepared.flatMap((p) => p.names),
    );
    await appendAudit(tx, caller, {
      action: 'subject.bulk_create',
      targetType: 'subject',
      detail: { source, inserted: prepared.length, rejected: errors.length, firstId: prepared[0]?.row.id ?? null },
    });
  });
  return { inserted: prepared.length, errors };
}

/**
 * Finds a subject by any identifier it is known by: USCC, organisation code
 * (registered, derived from the USCC, or imported), registration number, or
 * citizen ID (through its keyed hash). Routed by shape alone: every stored
 * identifier was validated on the way in, so a value that fails its check
 * simply finds nothing, and the hot path skips re-validating.
 */
export async function findSubjectByIdentifier(
  env: Pick<SubjectsEnv, 'protector' | 'usccAllowList'>,
  executor: Executor,
  raw: string,
): Promise<SubjectRow | undefined> {
  const value = normalizeIdentifier(raw);
  switch (value.length) {
    case 18: {
      const byUscc = await repo.findByUscc(executor, value);
      if (byUscc || !/^\d{17}[\dX]$/.test(value)) return byUscc;
      return repo.findByIdNumberHash(executor, env.protector.lookupHash(value));
    }
    case 15:
      return /^\d{15}$/.test(value) ? repo.findByIdentifier(executor, 'registration_number', value) : undefined;
    case 9:
      return repo.findByIdentifier(executor, 'org_code', `${value.slice(0, 8)}-${value.slice(8)}`);
    default:
      return undefined;
  }
}

export interface SubjectSearch {
  readonly q: string;
  readonly kind?: repo.SubjectKindCode;
  readonly region?: string;
  readonly industry?: string;
  readonly limit: number;
  readonly cursor?: string;
}

export interface SubjectSearchResult {
  readonly items: readonly { subject: SubjectRow; matchedName: string; isCurrentName: boolean }[];
  /** Matches counted up to `totalCap`; `totalCapped` when there are more. */
  readonly total: number;
  readonly totalCapped: boolean;
  readonly nextCursor: string | null;
}

/** Counting stops here: "1,000+ matches" is all a person needs, and it keeps common terms fast. */
const TOTAL_CAP = 1_000;

/**
 * Public search: an identifier finds its subject exactly; anything else is a
 * substring of a current or former name. Without a term, the filters alone
 * (kind, region, industry) list subjects by their current names. Natural
 * persons are not searchable here.
 */
export async function searchSubjects(
  env: Pick<SubjectsEnv, 'db' | 'protector' | 'usccAllowList'>,
  search: SubjectSearch,
  options: { publicOnly: boolean },
): Promise<SubjectSearchResult> {
  const term = search.q.replace(/[\s\u3000]+/g, ' ').trim();
  const executor = env.db.kysely;
  const asIdentifier = normalizeIdentifier(term);
  if (/^[0-9A-Z]{8,18}$/.test(asIdentifier)) {
    const found = await findSubjectByIdentifier(env, executor, term);
    if (found && !(options.publicOnly && found.kind === 'natural_person')) {
      return {
        items: [{ subject: found, matchedName: found.name, isCurrentName: true }],
        total: 1,
        totalCapped: false,
        nextCursor: null,
      };
    }
  }
  const filters = {
    publicOnly: options.publicOnly,
    ...(search.kind ? { kinds: [search.kind] } : {}),
    ...(search.region ? { regionCode: search.region } : {}),
    ...(search.industry ? { industrySection: search.industry } : {}),
  };
  const filtered = !!(search.kind || search.region || search.industry);
  // Nothing to search and nothing to browse: an empty answer rather than the whole register.
  if (!term && !filtered) return { items: [], total: 0, totalCapped: false, nextCursor: null };
  const after = search.cursor ? Number.parseInt(search.cursor, 36) : undefined;
  const paging = {
    limit: search.limit + 1,
    ...(after !== undefined && Number.isFinite(after) ? { afterNameId: after } : {}),
  };
  const hits = term
    ? await repo.searchByName(executor, env.db.helpers, { ...filters, term, ...paging })
    : await repo.browseByFilter(executor, { ...filters, ...paging });
  const page = hits.slice(0, search.limit);
  // A first page that is not full is every match: its length is the count.
  const total =
    after === undefined && hits.length <= search.limit
      ? hits.length
      : term
        ? await repo.countByName(executor, env.db.helpers, { ...filters, term }, TOTAL_CAP + 1)
        : await repo.countByFilter(executor, filters, TOTAL_CAP + 1);
  return {
    items: page.map((h) => ({ subject: h.subject, matchedName: h.matchedName, isCurrentName: h.isCurrent })),
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
    nextCursor: hits.length > search.limit ? page[page.length - 1]!.nameId.toString(36) : null,
  };
}

export interface SubjectDetail {
  readonly subject: SubjectRow;
  readonly names: Awaited<ReturnType<typeof repo.namesOf>>;
  readonly identifiers: readonly SubjectIdentifiersTable[];
}

export async function getSubject(executor: Executor, id: string): Promise<SubjectDetail> {
  const subject = await repo.findById(executor, id);
  if (!subject) throw subjectNotFound(id);
  return { subject, names: await repo.namesOf(executor, id), identifiers: await repo.identifiersOf(executor, id) };
}

/** The subject's kind (natural person, legal person…), or null when there is no such subject. */
export async function subjectKind(executor: Executor, id: string): Promise<repo.SubjectKindCode | null> {
  return (await repo.kindOf(executor, id)) ?? null;
}

/**
 * The government view: a stated purpose is required, and the look-up — with
 * what it returned — is written to the audit log before the answer leaves.
 */
export async function governmentLookup(
  env: SubjectsEnv,
  caller: Caller,
  query: { identifier?: string; subjectId?: string },
): Promise<SubjectDetail & { idNumber: string | null }> {
  if (!caller.purpose?.trim()) throw purposeRequired();
  return env.db.transaction(async (tx) => {
    const subject = query.subjectId
      ? await repo.findById(tx, query.subjectId)
      : query.identifier
        ? await findSubjectByIdentifier(env, tx, query.identifier)
        : undefined;
    await appendAudit(tx, caller, {
      action: 'subject.lookup.government',
      targetType: 'subject',
      targetId: subject?.id ?? null,
      subjectId: subject?.id ?? null,
      detail: {
        query: query.subjectId ? { subjectId: query.subjectId } : { identifier: maskQuery(query.identifier ?? '') },
        found: !!subject,
        returned: subject
          ? ['registration', 'identifiers', 'names', ...(subject.id_number_enc ? ['id_number'] : [])]
          : [],
      },
    });
    if (!subject) throw subjectNotFound(query.subjectId ?? maskQuery(query.identifier ?? ''));
    const detail = await getSubject(tx, subject.id);
    return { ...detail, idNumber: subject.id_number_enc ? env.protector.decrypt(subject.id_number_enc) : null };
  });
}

/** A citizen ID in a query is audited masked; organisation codes are public data. */
function maskQuery(identifier: string): string {
  const n = normalizeIdentifier(identifier);
  return /^\d{17}[\dX]$/.test(n) && !n.startsWith('9') ? `${n.slice(0, 6)}********${n.slice(14)}` : identifier;
}

/** Renames a subject: the old name stays searchable as a former name. */
export async function renameSubject(
  env: SubjectsEnv,
  caller: Caller,
  id: string,
  input: { name: string; effectiveOn: string; expectedVersion?: number },
): Promise<SubjectRow> {
  return env.db.transaction(async (tx) => {
    const current = await repo.findById(tx, id);
    if (!current) throw subjectNotFound(id);
    const version = input.expectedVersion ?? current.version;
    const name = input.name.replace(/[\s\u3000]+/g, ' ').trim();
    const at = nowIso();
    if (!(await repo.updateSubject(tx, id, version, { name, updated_at: at }))) throw versionConflict(id);
    await repo.retireCurrentName(tx, id, input.effectiveOn);
    await repo.insertNames(tx, [
      {
        subject_id: id,
        name,
        is_current: 1,
        public: current.kind === 'natural_person' ? 0 : 1,
        valid_from: input.effectiveOn,
        valid_to: null,
      },
    ]);
    const updated = { ...current, name, updated_at: at, version: version + 1 };
    await repo.insertVersion(tx, {
      subject_id: id,
      version: version + 1,
      snapshot: snapshot(updated),
      changed_at: at,
      changed_by: caller.actor.name,
      change: 'rename',
    });
    await appendAudit(tx, caller, {
      action: 'subject.rename',
      targetType: 'subject',
      targetId: id,
      subjectId: id,
      detail: { from: current.name, to: name, effectiveOn: input.effectiveOn },
    });
    return updated;
  });
}

export interface LegacyMappingRow {
  readonly legacyCode: string;
  readonly uscc: string;
}

export interface LegacyMappingOutcome {
  readonly mapped: number;
  readonly unchanged: number;
  readonly errors: readonly { row: number; field: string; value: string; reason: { zh: string; en: string } }[];
}

/**
 * Imports a legacy-code → USCC mapping table (plan C3). Each legacy code must
 * pass its own check; the USCC must belong to a known subject. All or nothing:
 * any bad row and nothing is written.
 */
export async function importLegacyMappings(
  env: SubjectsEnv,
  caller: Caller,
  rows: readonly LegacyMappingRow[],
): Promise<LegacyMappingOutcome> {
  return env.db.transaction(async (tx) => {
    const errors: LegacyMappingOutcome['errors'][number][] = [];
    const toInsert: SubjectIdentifiersTable[] = [];
    let unchanged = 0;
    const at = nowIso();
    for (const [i, row] of rows.entries()) {
      const rowNo = i + 1;
      const legacy = checkIdentifier(row.legacyCode, { allowList: env.usccAllowList });
      if (!legacy.valid || (legacy.kind !== 'org_code' && legacy.kind !== 'registration_number')) {
        errors.push({
          row: rowNo,
          field: 'legacyCode',
          value: row.legacyCode,
          reason: legacy.reason ?? {
            zh: '应为组织机构代码或 15 位注册号',
            en: 'must be an organisation code or a 15-digit registration number',
          },
        });
        continue;
      }
      const subject = await findSubjectByIdentifier(env, tx, row.uscc);
      if (!subject || subject.uscc === null) {
        const check = checkIdentifier(row.uscc, { kind: 'uscc', allowList: env.usccAllowList });
        errors.push({
          row: rowNo,
          field: 'uscc',
          value: row.uscc,
          reason:
            !check.valid && check.reason
              ? check.reason
              : { zh: '平台中没有该统一社会信用代码的主体', en: 'no subject with this USCC on the platform' },
        });
        continue;
      }
      const existing = await repo.findByIdentifier(tx, legacy.kind, legacy.normalized);
      if (existing) {
        if (existing.id === subject.id) unchanged += 1;
        else
          errors.push({
            row: rowNo,
            field: 'legacyCode',
            value: row.legacyCode,
            reason: {
              zh: `该代码已映射到另一主体 ${existing.uscc ?? existing.id}`,
              en: `already mapped to another subject ${existing.uscc ?? existing.id}`,
            },
          });
        continue;
      }
      if (toInsert.some((t) => t.kind === legacy.kind && t.value === legacy.normalized)) {
        errors.push({
          row: rowNo,
          field: 'legacyCode',
          value: row.legacyCode,
          reason: { zh: '文件中重复', en: 'duplicated in the file' },
        });
        continue;
      }
      toInsert.push({
        kind: legacy.kind,
        value: legacy.normalized,
        subject_id: subject.id,
        source: 'imported',
        created_at: at,
      });
    }
    if (errors.length > 0) return { mapped: 0, unchanged, errors };
    await repo.insertIdentifiers(tx, toInsert);
    await appendAudit(tx, caller, {
      action: 'subject.legacy_mapping.import',
      targetType: 'subject_identifiers',
      detail: { mapped: toInsert.length, unchanged },
    });
    return { mapped: toInsert.length, unchanged, errors: [] };
  });
}

export async function countPublicSubjects(executor: Executor): Promise<number> {
  return repo.countSubjects(executor, true);
}

export async function countAllSubjects(executor: Executor): Promise<number> {
  return repo.countSubjects(executor, false);
}
