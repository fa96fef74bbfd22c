/**
 * Bulk subject matching for submitted records (plan: "never a fuzzy guess"): by
 * USCC, then legacy codes (organisation code as submitted or embedded in the
 * USCC, registration number), then a natural person's ID number (keyed hash),
 * then the exact current name among the region's organisations. A name that
 * names two subjects, or whose one subject holds a different code of the same
 * kind, matches nothing: the record waits in the review queue.
 * One query per identifier kind per chunk of records, so an import of a
 * million rows does not make a million look-ups.
 */
import { tables, type Executor } from '../../platform/db';

/** How a record found its subject; `manual` is a reviewer's link. */
export type MatchMethod = 'uscc' | 'org_code' | 'registration_number' | 'id_number' | 'name' | 'manual';

/** A subject as a record names it; identifiers already normalised, the ID number as its keyed hash. */
export interface SubjectAsSubmitted {
  readonly name: string | null;
  readonly uscc: string | null;
  readonly orgCode: string | null;
  /** The organisation code embedded in the USCC (GB 32100 positions 9–17), when it checks. */
  readonly derivedOrgCode: string | null;
  readonly registrationNumber: string | null;
  readonly idHash: string | null;
  readonly isNaturalPerson: boolean;
}

interface SubjectsReadModel {
  subjects: {
    id: string;
    kind: string;
    name: string;
    uscc: string | null;
    registration_number: string | null;
    region_code: string | null;
    id_number_hash: string | null;
  };
  subject_identifiers: { kind: string; value: string; subject_id: string };
}

const subjectsDb = (executor: Executor) => tables<SubjectsReadModel>(executor);

/** Bound parameters per IN list: far below both dialects' limits. */
const IN_CHUNK = 900;

async function inChunks<T>(values: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(values)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK) out.push(...(await query(unique.slice(i, i + IN_CHUNK))));
  return out;
}

export interface SubjectMatch {
  readonly subjectId: string;
  readonly method: MatchMethod;
}

interface NameCandidate {
  readonly id: string;
  readonly kind: string;
  readonly uscc: string | null;
  readonly registration_number: string | null;
}

/** A name match must not contradict a code the record gives. */
function nameMatchAllowed(subject: SubjectAsSubmitted, candidate: NameCandidate): boolean {
  if (candidate.kind === 'natural_person') return false;
  if (subject.uscc && candidate.uscc && subject.uscc !== candidate.uscc) return false;
  if (
    subject.registrationNumber &&
    candidate.registration_number &&
    subject.registrationNumber !== candidate.registration_number
  )
    return false;
  return true;
}

/**
 * Matches each submitted subject (by index) to a subject id, or leaves it
 * out. Each step queries only what the previous steps left unmatched.
 */
export async function matchSubjects(
  executor: Executor,
  submitted: readonly SubjectAsSubmitted[],
  regionCode: string,
): Promise<Map<number, SubjectMatch>> {
  const db = subjectsDb(executor);
  const matches = new Map<number, SubjectMatch>();
  const open = () => submitted.map((s, i) => [i, s] as const).filter(([i]) => !matches.has(i));

  const step = async (
    method: MatchMethod,
    valuesOf: (s: SubjectAsSubmitted) => readonly (string | null)[],
    lookup: (values: string[]) => Promise<Array<{ value: string; subject_id: string }>>,
  ) => {
    const pending = open().filter(([, s]) => valuesOf(s).some(Boolean));
    if (pending.length === 0) return;
    const found = new Map(
      (await lookup(pending.flatMap(([, s]) => valuesOf(s).filter((v): v is string => !!v)))).map((r) => [
        r.value,
        r.subject_id,
      ]),
    );
    for (const [i, s] of pending) {
      const subjectId = valuesOf(s)
        .map((v) => (v ? found.get(v) : undefined))
        .find(Boolean);
      if (subjectId) matches.set(i, { subjectId, method });
    }
  };

  await step(
    'uscc',
    (s) => [s.uscc],
    (values) =>
      inChunks(values, (chunk) =>
        db.selectFrom('subjects').select(['uscc as value', 'id as subject_id']).where('uscc', 'in', chunk).execute(),
      ) as Promise<Array<{ value: string; subject_id: string }>>,
  );
  const byIdentifier = (kind: string) => (values: string[]) =>
    inChunks(values, (chunk) =>
      db
        .selectFrom('subject_identifiers')
        .select(['value', 'subject_id'])
        .where('kind', '=', kind)
        .where('value', 'in', chunk)
        .execute(),
    );
  await step('org_code', (s) => [s.orgCode, s.derivedOrgCode], byIdentifier('org_code'));
  await step('registration_number', (s) => [s.registrationNumber], byIdentifier('registration_number'));
  await step(
    'id_number',
    (s) => [s.idHash],
    (values) =>
      inChunks(values, (chunk) =>
        db
          .selectFrom('subjects')
          .select(['id_number_hash as value', 'id as subject_id'])
          .where('id_number_hash', 'in', chunk)
          .execute(),
      ) as Promise<Array<{ value: string; subject_id: string }>>,
  );

  // Natural persons are never matched by name: 张伟 is thousands of people.
  const byName = open().filter(([, s]) => s.name && !s.isNaturalPerson);
  if (byName.length > 0) {
    const rows = await inChunks(
      byName.map(([, s]) => s.name!),
      (chunk) =>
        db
          .selectFrom('subjects')
          .select(['id', 'kind', 'name', 'uscc', 'registration_number'])
          .where('name', 'in', chunk)
          .where('region_code', 'like', `${regionCode}%`)
          .execute(),
    );
    const candidates = new Map<string, NameCandidate[]>();
    for (const row of rows) candidates.set(row.name, [...(candidates.get(row.name) ?? []), row]);
    for (const [i, s] of byName) {
      const found = candidates.get(s.name!) ?? [];
      if (found.length === 1 && nameMatchAllowed(s, found[0]!)) {
        matches.set(i, { subjectId: found[0]!.id, method: 'name' });
      }
    }
  }
  return matches;
}
