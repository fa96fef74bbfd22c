/**
 * The public read model's services: the double-publicity channel (双公示),
 * one public record, and the public records of an entity's credit page. No
 * login, no audit (public reads). Every record leaves through
 * `presentPublicRecord`.
 */
import type { Executor } from '../../platform/db';
import { getCatalogItem, listCatalogItems, type CatalogItem } from '../catalog';
import { listDepartments } from '../identity';
import {
  countVisibleByItem,
  countVisibleEachItem,
  countVisibleRecords,
  visibleRecordRows,
  type PublicCursor,
  type PublicFilter,
  type VisibleRecord,
  type VisibleScope,
} from '../records';
import { subjectKind } from '../subjects';
import { badCursor, publicRecordNotFound, publicSubjectNotFound } from './publicity.errors';
import { presentPublicRecord, type DepartmentName, type PublicRecord } from './publicity.presenter';
import { DOUBLE_PUBLICITY_ITEMS, SUBJECT_SECTIONS } from './publicity.schemas';

type DoublePublicityItem = (typeof DOUBLE_PUBLICITY_ITEMS)[number];

/** What one public read needs besides the rows: the catalog and the department names. */
interface ReadContext {
  readonly executor: Executor;
  readonly today: string;
  /** Current version of every item. */
  readonly current: ReadonlyMap<string, CatalogItem>;
  /** Items whose records may be public at all (主动公开, or public under conditions). */
  readonly publicCodes: readonly string[];
  readonly departments: ReadonlyMap<string, DepartmentName>;
  readonly versions: Map<string, Promise<CatalogItem>>;
}

async function readContext(executor: Executor, today: string): Promise<ReadContext> {
  const items = await listCatalogItems(executor);
  const departments = await listDepartments(executor, { includeInactive: true });
  return {
    executor,
    today,
    current: new Map(items.map((i) => [i.code, i])),
    publicCodes: items.filter((i) => i.disclosure === 'public' || i.publicWhen.length > 0).map((i) => i.code),
    departments: new Map(departments.map((d) => [d.code, { zh: d.nameZh, en: d.nameEn }])),
    versions: new Map(),
  };
}

function itemVersion(ctx: ReadContext, code: string, version: number): Promise<CatalogItem> {
  // Most records were validated against the current version, which the context already holds.
  const current = ctx.current.get(code);
  if (current?.version === version) return Promise.resolve(current);
  const key = `${code}@${version}`;
  let item = ctx.versions.get(key);
  if (!item) {
    item = getCatalogItem(ctx.executor, code, version);
    ctx.versions.set(key, item);
  }
  return item;
}

async function present(ctx: ReadContext, records: readonly VisibleRecord[]): Promise<PublicRecord[]> {
  const out: PublicRecord[] = [];
  for (const record of records) {
    const item = await itemVersion(ctx, record.itemCode, record.itemVersion);
    const current = ctx.current.get(record.itemCode);
    if (!current) continue;
    const shown = presentPublicRecord(
      record,
      item,
      ctx.departments.get(record.departmentCode) ?? null,
      ctx.today,
      current,
    );
    if (shown) out.push(shown);
  }
  return out;
}

const scopeOf = (ctx: ReadContext, only?: readonly string[]): VisibleScope => ({
  today: ctx.today,
  itemCodes: only ? ctx.publicCodes.filter((c) => only.includes(c)) : ctx.publicCodes,
});

export function encodeCursor(record: Pick<VisibleRecord, 'decisionDate' | 'id'>): string {
  return Buffer.from(JSON.stringify([record.decisionDate ?? '', record.id])).toString('base64url');
}

export function decodeCursor(cursor: string): PublicCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      /^(\d{4}-\d{2}-\d{2})?$/.test(value[0]) &&
      /^[0-9A-Za-z-]{1,40}$/.test(value[1])
    ) {
      return { decisionDate: value[0], id: value[1] };
    }
  } catch {
    // fall through: any malformed cursor is the same client error
  }
  throw badCursor();
}

export interface PublicRecordsQuery extends PublicChannelFilter {
  readonly item?: DoublePublicityItem;
}

export interface PublicRecordPage {
  readonly items: PublicRecord[];
  /** How many records match, over every page, up to TOTAL_CAP. */
  readonly total: number;
  /** More than `total` match: counting stopped at TOTAL_CAP. */
  readonly totalCapped: boolean;
  readonly nextCursor: string | null;
}

/** Filters of a paged channel (double publicity, lists): department, decision dates, counterpart's name. */
export interface PublicChannelFilter {
  readonly department?: string;
  readonly from?: string;
  readonly to?: string;
  /** A substring of the counterpart's name. */
  readonly q?: string;
  readonly cursor?: string;
  readonly limit: number;
}

/**
 * Counting stops here: an exact count of every public record of the
 * district (millions) on each first page cost seconds; "more than 10,000"
 * says all a reader needs.
 */
const TOTAL_CAP = 10_000;

/** One page of the public records of `itemCodes` (only those the catalog lets the public see), newest decision first. */
async function channelPage(
  ctx: ReadContext,
  itemCodes: readonly string[],
  query: PublicChannelFilter,
): Promise<PublicRecordPage> {
  const filter: PublicFilter = {
    ...(query.department ? { departmentCode: query.department } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.q ? { subjectName: query.q } : {}),
  };
  const scope = scopeOf(ctx, itemCodes);
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await visibleRecordRows(ctx.executor, scope, filter, {
    ...(cursor ? { cursor } : {}),
    limit: query.limit + 1,
  });
  const pageRows = rows.slice(0, query.limit);
  // A first page that is not full is every match: its length is the count.
  const total =
    !cursor && rows.length <= query.limit
      ? rows.length
      : await countVisibleRecords(ctx.executor, scope, filter, TOTAL_CAP + 1);
  return {
    items: await present(ctx, pageRows),
    total: Math.min(total, TOTAL_CAP),
    totalCapped: total > TOTAL_CAP,
    nextCursor: rows.length > query.limit ? encodeCursor(pageRows[pageRows.length - 1]!) : null,
  };
}

/** The double-publicity channel: public licences and penalties, newest decision first. */
export async function listPublicRecords(
  executor: Executor,
  query: PublicRecordsQuery,
  today: string,
): Promise<PublicRecordPage> {
  const ctx = await readContext(executor, today);
  return channelPage(ctx, query.item ? [query.item] : DOUBLE_PUBLICITY_ITEMS, query);
}

/** One public record; not found when it does not exist or the public may not see it (the same answer). */
export async function getPublicRecord(executor: Executor, id: string, today: string): Promise<PublicRecord> {
  const ctx = await readContext(executor, today);
  const rows = await visibleRecordRows(executor, scopeOf(ctx), { ids: [id] }, { limit: 1 });
  const [shown] = await present(ctx, rows);
  if (!shown) throw publicRecordNotFound(id);
  return shown;
}

export { SUBJECT_SECTIONS };
export type SubjectSection = (typeof SUBJECT_SECTIONS)[number];

/**
 * The public records of an entity's credit page, one page per section:
 * `other` holds every public item without a section of its own (domain
 * records such as environmental violations), `lists` the red and black lists.
 */
export type SubjectPublicRecords = { readonly subjectId: string } & Readonly<Record<SubjectSection, PublicRecordPage>>;

/** Which section of the entity page an item's records belong to; every other public item is `other`. */
const SECTION_OF: Readonly<Record<string, Exclude<SubjectSection, 'other'>>> = {
  ADM_LICENSE: 'licences',
  ADM_PENALTY: 'penalties',
  RED_LIST: 'lists',
  BLACK_LIST: 'lists',
  COMMITMENT: 'commitments',
  INSPECTION_RESULT: 'inspections',
};

/**
 * Records each section of an entity page opens with; the section pages
 * through the rest on demand. One answer listing everything made a heavy
 * entity (14,000 records at full scale) a megabyte of JSON built on the one
 * event loop that every other request waited behind, and a fixed cap hid
 * the rest of its records from the page altogether.
 */
export const SECTION_FIRST_PAGE = 10;

/** A section counts its records up to here ("more than 1,000"): an exact count of a heavy entity costs more than it tells. */
export const SECTION_TOTAL_CAP = 1_000;

const sectionCodes = (ctx: ReadContext, section: SubjectSection): string[] =>
  ctx.publicCodes.filter((code) => (SECTION_OF[code] ?? 'other') === section);

/** Newest decision first, as the SQL orders ("" for no decision date, last). */
const newestFirst = (a: VisibleRecord, b: VisibleRecord): number => {
  const left = a.decisionDate ?? '';
  const right = b.decisionDate ?? '';
  if (left !== right) return left < right ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
};

/** A subject with no more visible records than this in the sections asked for is read in one statement. */
const ROWS_AT_ONCE = 60;

/**
 * The section pages of a subject: for each section, up to `limit` records
 * after `cursor`, newest decision first, with its count. Most subjects have a
 * few records: one statement counts them per item, one reads them all. A
 * heavy entity reads each of its items apart, a page each (one range of the
 * partial index records_subject_visible, already in order), where one query
 * over all the items let the planner walk every record it has.
 */
async function sectionPages(
  ctx: ReadContext,
  subjectId: string,
  sections: readonly SubjectSection[],
  query: { readonly cursor?: string; readonly limit: number },
): Promise<Map<SubjectSection, PublicRecordPage>> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  const codes = sections.flatMap((section) => sectionCodes(ctx, section));
  const scope = (itemCodes: readonly string[]) => ({ today: ctx.today, itemCodes });
  const filter = { subjectId };

  let counts = await countVisibleByItem(ctx.executor, scope(codes), filter, SECTION_TOTAL_CAP + 1);
  let total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (total > SECTION_TOTAL_CAP) {
    // Counting stopped early: count each item on its own, each up to the cap.
    counts = await countVisibleEachItem(ctx.executor, scope(codes), filter, SECTION_TOTAL_CAP + 1);
    total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  }
  const page = { ...(cursor ? { cursor } : {}), limit: query.limit + 1 };
  const rows: VisibleRecord[] = [];
  if (!cursor && total <= ROWS_AT_ONCE) {
    if (total > 0)
      rows.push(...(await visibleRecordRows(ctx.executor, scope(codes), filter, { limit: ROWS_AT_ONCE + 1 })));
  } else {
    for (const code of codes)
      if (counts.get(code)) rows.push(...(await visibleRecordRows(ctx.executor, scope([code]), filter, page)));
  }

  const pages = new Map<SubjectSection, PublicRecordPage>();
  for (const section of sections) {
    const own = rows.filter((row) => (SECTION_OF[row.itemCode] ?? 'other') === section).sort(newestFirst);
    const pageRows = own.slice(0, query.limit);
    const count = sectionCodes(ctx, section).reduce((sum, code) => sum + (counts.get(code) ?? 0), 0);
    pages.set(section, {
      items: await present(ctx, pageRows),
      total: Math.min(count, SECTION_TOTAL_CAP),
      totalCapped: count > SECTION_TOTAL_CAP,
      nextCursor: own.length > query.limit ? encodeCursor(pageRows[pageRows.length - 1]!) : null,
    });
  }
  return pages;
}

/** The subject of a public entity page; natural persons have none (the same answer as a subject that does not exist). */
async function publicSubject(executor: Executor, subjectId: string): Promise<void> {
  const kind = await subjectKind(executor, subjectId);
  if (kind === null || kind === 'natural_person') throw publicSubjectNotFound(subjectId);
}

/** The first page of every section of an entity's credit page, with each section's count. */
export async function subjectPublicRecords(
  executor: Executor,
  subjectId: string,
  today: string,
): Promise<SubjectPublicRecords> {
  await publicSubject(executor, subjectId);
  const ctx = await readContext(executor, today);
  const pages = await sectionPages(ctx, subjectId, SUBJECT_SECTIONS, { limit: SECTION_FIRST_PAGE });
  return {
    subjectId,
    ...(Object.fromEntries(SUBJECT_SECTIONS.map((section) => [section, pages.get(section)!])) as Record<
      SubjectSection,
      PublicRecordPage
    >),
  };
}

/** The next page of one section of an entity's credit page (`cursor` from the page before). */
export async function subjectSectionPage(
  executor: Executor,
  subjectId: string,
  section: SubjectSection,
  query: { readonly cursor?: string; readonly limit: number },
  today: string,
): Promise<PublicRecordPage> {
  await publicSubject(executor, subjectId);
  const ctx = await readContext(executor, today);
  return (await sectionPages(ctx, subjectId, [section], query)).get(section)!;
}

/** The red and black lists of the public website, each backed by one catalog item. */
export const LIST_ITEMS = { red: 'RED_LIST', black: 'BLACK_LIST' } as const;
export type PublicListKind = keyof typeof LIST_ITEMS;

export interface PublicListPage extends PublicRecordPage {
  readonly list: PublicListKind;
  /**
   * The catalog item behind the list, when the catalog has it and lets the
   * public see its records; null otherwise (the page then explains the list
   * instead of showing entries).
   */
  readonly item: { readonly code: string; readonly nameZh: string; readonly nameEn: string } | null;
}

/**
 * Entries of the red or black list: records of the list's catalog item,
 * through the same visibility rule and presenter as every public record.
 * Nothing is shown when the catalog does not mark the item public.
 */
export async function listPublicListEntries(
  executor: Executor,
  list: PublicListKind,
  query: PublicChannelFilter,
  today: string,
): Promise<PublicListPage> {
  const ctx = await readContext(executor, today);
  const code = LIST_ITEMS[list];
  const item = ctx.current.get(code);
  if (!item || !ctx.publicCodes.includes(code))
    return { list, item: null, items: [], total: 0, totalCapped: false, nextCursor: null };
  const page = await channelPage(ctx, [code], query);
  return { list, item: { code, nameZh: item.nameZh, nameEn: item.nameEn }, ...page };
}
