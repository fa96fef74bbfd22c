import { sql } from 'kysely';
import { precompiled, tables, type DialectHelpers, type Executor, type RowSubset } from '../../platform/db';

export type SubjectKindCode = 'legal_person' | 'other_org' | 'individual_business' | 'natural_person';

export interface SubjectsTable {
  id: string;
  kind: SubjectKindCode;
  name: string;
  uscc: string | null;
  org_code: string | null;
  registration_number: string | null;
  id_number_hash: string | null;
  id_number_enc: string | null;
  id_number_masked: string | null;
  legal_representative: string | null;
  region_code: string | null;
  industry_section: string | null;
  established_on: string | null;
  status: 'active' | 'deregistered' | 'revoked';
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SubjectNamesTable {
  id: number;
  subject_id: string;
  name: string;
  is_current: number;
  public: number;
  valid_from: string | null;
  valid_to: string | null;
}

export type IdentifierKindCode = 'uscc' | 'org_code' | 'registration_number' | 'citizen_id_hash';

export interface SubjectIdentifiersTable {
  kind: IdentifierKindCode;
  value: string;
  subject_id: string;
  source: 'registered' | 'derived' | 'imported';
  created_at: string;
}

export interface SubjectVersionsTable {
  subject_id: string;
  version: number;
  snapshot: string;
  changed_at: string;
  changed_by: string;
  change: string;
}

export interface SubjectsTables {
  subjects: SubjectsTable;
  subject_names: Omit<SubjectNamesTable, 'id'> & { id?: number };
  subject_identifiers: SubjectIdentifiersTable;
  subject_versions: SubjectVersionsTable;
}

export type SubjectRow = SubjectsTable;

const db = (executor: Executor) => tables<SubjectsTables>(executor);

export async function insertSubjects(executor: Executor, rows: readonly SubjectsTable[]): Promise<void> {
  // Multi-row inserts in chunks: well under SQLite's 32,766 bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await db(executor)
      .insertInto('subjects')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

export async function insertNames(executor: Executor, rows: readonly SubjectsTables['subject_names'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db(executor)
      .insertInto('subject_names')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function insertIdentifiers(executor: Executor, rows: readonly SubjectIdentifiersTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await db(executor)
      .insertInto('subject_identifiers')
      .values(rows.slice(i, i + 1000))
      .execute();
  }
}

export async function insertVersion(executor: Executor, row: SubjectVersionsTable): Promise<void> {
  await db(executor).insertInto('subject_versions').values(row).execute();
}

export async function findById(executor: Executor, id: string): Promise<SubjectRow | undefined> {
  return db(executor).selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
}

const kindById = precompiled((executor, id: string) =>
  db(executor).selectFrom('subjects').select('kind').where('id', '=', id),
);

/** A subject's kind alone (what a public page needs to know first), or undefined. */
export async function kindOf(executor: Executor, id: string): Promise<SubjectKindCode | undefined> {
  return (await kindById(executor, id))[0]?.kind;
}

// The identifier look-ups are the platform's hottest queries: compiled once.
const byUscc = precompiled((executor, uscc: string) =>
  db(executor).selectFrom('subjects').selectAll().where('uscc', '=', uscc),
);
const byIdNumberHash = precompiled((executor, hash: string) =>
  db(executor).selectFrom('subjects').selectAll().where('id_number_hash', '=', hash),
);
const byIdentifier = precompiled((executor, kind: string, value: string) =>
  db(executor)
    .selectFrom('subject_identifiers as i')
    .innerJoin('subjects as s', 's.id', 'i.subject_id')
    .selectAll('s')
    .where('i.kind', '=', kind as IdentifierKindCode)
    .where('i.value', '=', value),
);

export async function findByUscc(executor: Executor, uscc: string): Promise<SubjectRow | undefined> {
  return (await byUscc(executor, uscc))[0];
}

export async function findByIdNumberHash(executor: Executor, hash: string): Promise<SubjectRow | undefined> {
  return (await byIdNumberHash(executor, hash))[0];
}

/** Through the identifier map: legacy codes, derived or imported. */
export async function findByIdentifier(
  executor: Executor,
  kind: IdentifierKindCode,
  value: string,
): Promise<SubjectRow | undefined> {
  return (await byIdentifier(executor, kind, value))[0];
}

export async function identifiersOf(executor: Executor, subjectId: string): Promise<SubjectIdentifiersTable[]> {
  return db(executor).selectFrom('subject_identifiers').selectAll().where('subject_id', '=', subjectId).execute();
}

export async function namesOf(executor: Executor, subjectId: string): Promise<SubjectNamesTable[]> {
  return (await db(executor)
    .selectFrom('subject_names')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('id')
    .execute()) as SubjectNamesTable[];
}

export async function versionsOf(executor: Executor, subjectId: string): Promise<SubjectVersionsTable[]> {
  return db(executor)
    .selectFrom('subject_versions')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .orderBy('version')
    .execute();
}

export async function updateSubject(
  executor: Executor,
  id: string,
  expectedVersion: number,
  patch: Partial<SubjectsTable>,
): Promise<boolean> {
  const result = await db(executor)
    .updateTable('subjects')
    .set({ ...patch, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function retireCurrentName(executor: Executor, subjectId: string, validTo: string): Promise<void> {
  await db(executor)
    .updateTable('subject_names')
    .set({ is_current: 0, valid_to: validTo })
    .where('subject_id', '=', subjectId)
    .where('is_current', '=', 1)
    .execute();
}

export interface NameSearch {
  readonly term: string;
  readonly publicOnly: boolean;
  readonly kinds?: readonly SubjectKindCode[];
  readonly regionCode?: string;
  readonly industrySection?: string;
  readonly limit: number;
  /** subject_names.id to continue after (cursor). */
  readonly afterNameId?: number;
}

export interface NameHit {
  readonly nameId: number;
  readonly matchedName: string;
  readonly isCurrent: boolean;
  readonly subject: SubjectRow;
}

type NameFilter = Omit<NameSearch, 'limit' | 'afterNameId'>;

/** Matching names joined to their subjects, in name-id order (the index order, so LIMIT stops early). */
function nameMatches(executor: Executor, helpers: DialectHelpers, search: NameFilter) {
  let q = matchingNames(executor, helpers, search).innerJoin('subjects as s', 's.id', 'n.subject_id');
  if (search.kinds?.length) q = q.where('s.kind', 'in', search.kinds);
  if (search.regionCode) q = q.where('s.region_code', '=', search.regionCode);
  if (search.industrySection) q = q.where('s.industry_section', '=', search.industrySection);
  return q;
}

/** The names the public may find: the public search has a substring index of its own over them. */
export const PUBLIC_NAMES: RowSubset = { column: 'public', value: 1 };

/** Ids of the matching names (public ones only for a public search), from the substring index alone. */
const matchIds = (helpers: DialectHelpers, search: Pick<NameFilter, 'term' | 'publicOnly'>) =>
  helpers.substringMatches('subject_names', 'name', search.term, search.publicOnly ? PUBLIC_NAMES : undefined);

/** Matching names with their rows. */
function matchingNames(executor: Executor, helpers: DialectHelpers, search: Pick<NameFilter, 'term' | 'publicOnly'>) {
  let q = db(executor)
    .selectFrom(matchIds(helpers, search).as('m'))
    .innerJoin('subject_names as n', 'n.id', 'm.match_id');
  // Already so by the index; checked again on the rows that leave.
  if (search.publicOnly) q = q.where('n.public', '=', 1);
  return q;
}

/** Substring search over current and former names through the dialect's substring index. */
export async function searchByName(
  executor: Executor,
  helpers: DialectHelpers,
  search: NameSearch,
): Promise<NameHit[]> {
  let q = nameMatches(executor, helpers, search)
    .selectAll('s')
    .select(['n.id as name_id', 'n.name as matched_name', 'n.is_current as name_is_current'])
    .orderBy('m.match_id')
    .limit(search.limit);
  if (search.afterNameId !== undefined) q = q.where('m.match_id', '>', search.afterNameId);
  const rows = await q.execute();
  return rows.map(({ name_id, matched_name, name_is_current, ...subject }) => ({
    nameId: Number(name_id),
    matchedName: matched_name,
    isCurrent: name_is_current === 1,
    subject: subject,
  }));
}

/** Counts matches up to `cap` (a count of a very common term is not worth a full scan). */
export async function countByName(
  executor: Executor,
  helpers: DialectHelpers,
  search: NameFilter,
  cap: number,
): Promise<number> {
  // Joining every match's subject only to count it cost 7 ms of a common term's 8 (20,000 subjects);
  // without a filter on the subject the count reads the substring index alone.
  const readsSubject = !!(search.kinds?.length || search.regionCode || search.industrySection);
  const inner = readsSubject
    ? nameMatches(executor, helpers, search)
        .select(sql<number>`1`.as('one'))
        .limit(cap)
    : db(executor)
        .selectFrom(matchIds(helpers, search).as('m'))
        .select(sql<number>`1`.as('one'))
        .limit(cap);
  const row = await db(executor)
    .selectFrom(inner.as('c'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Current names of the subjects that pass the filters, without a search term
 * (browsing a region, an industry or a kind), in name-id order so that the
 * same cursor as the name search applies. Only called with at least one filter.
 */
function filteredNames(executor: Executor, search: Omit<NameFilter, 'term'>) {
  let q = db(executor)
    .selectFrom('subject_names as n')
    .innerJoin('subjects as s', 's.id', 'n.subject_id')
    .where('n.is_current', '=', 1);
  if (search.publicOnly) q = q.where('n.public', '=', 1);
  if (search.kinds?.length) q = q.where('s.kind', 'in', search.kinds);
  if (search.regionCode) q = q.where('s.region_code', '=', search.regionCode);
  if (search.industrySection) q = q.where('s.industry_section', '=', search.industrySection);
  return q;
}

/** Subjects by filters alone (no term), current names only, in name-id order. */
export async function browseByFilter(executor: Executor, search: Omit<NameSearch, 'term'>): Promise<NameHit[]> {
  let q = filteredNames(executor, search)
    .selectAll('s')
    .select(['n.id as name_id', 'n.name as matched_name'])
    .orderBy('n.id')
    .limit(search.limit);
  if (search.afterNameId !== undefined) q = q.where('n.id', '>', search.afterNameId);
  const rows = await q.execute();
  return rows.map(({ name_id, matched_name, ...subject }) => ({
    nameId: Number(name_id),
    matchedName: matched_name,
    isCurrent: true,
    subject,
  }));
}

/** Counts the subjects that pass the filters, up to `cap`. */
export async function countByFilter(
  executor: Executor,
  search: Omit<NameFilter, 'term'>,
  cap: number,
): Promise<number> {
  const inner = filteredNames(executor, search)
    .select(sql<number>`1`.as('one'))
    .limit(cap);
  const row = await db(executor)
    .selectFrom(inner.as('c'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countSubjects(executor: Executor, publicOnly: boolean): Promise<number> {
  let q = db(executor)
    .selectFrom('subjects')
    .select((eb) => eb.fn.countAll<number>().as('n'));
  if (publicOnly) q = q.where('kind', '!=', 'natural_person');
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
