/** Request and response schemas of the records routes (zod; requests strict). */
import { z } from 'zod';
import { calendarDate, dateRange, problemSchema } from '../../platform/http';
import { RECORD_STATUSES, TIMELINESS } from './records.tables';

const id = z.string().min(1).max(40);
const isoDate = calendarDate();
const limit = z.coerce.number().int().min(1).max(200).default(50);

export const idParams = z.strictObject({ id });

export const listQuery = z
  .strictObject({
    departmentCode: z.string().max(32).optional(),
    itemCode: z.string().max(64).optional(),
    subjectId: id.optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    timeliness: z.enum(TIMELINESS).optional(),
    decidedFrom: isoDate.optional().describe('Decision date on or after (YYYY-MM-DD)'),
    decidedTo: isoDate.optional().describe('Decision date on or before (YYYY-MM-DD)'),
    subject: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('A piece of the subject name as submitted, or its USCC / organisation code / registration number'),
    cursor: id.optional(),
    limit,
  })
  .superRefine(dateRange('decidedFrom', 'decidedTo'));

export const unmatchedQuery = z.strictObject({
  departmentCode: z.string().max(32).optional(),
  itemCode: z.string().max(64).optional(),
  cursor: id.optional(),
  limit,
});

export const statsQuery = z.strictObject({ departmentCode: z.string().max(32).optional() });

export const withdrawBody = z.strictObject({
  reason: z.string().trim().min(1).max(500),
  revokedOn: isoDate.describe('The date the decision was changed, revoked or found invalid (YYYY-MM-DD)'),
});

export const linkSubjectBody = z.strictObject({ subjectId: id });

export const notificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  cursor: id.optional(),
  limit,
});

const statusEnum = z.enum(RECORD_STATUSES);
const timelinessEnum = z.enum(TIMELINESS);
const classEnum = z.enum(['minor', 'general', 'serious']);

const subjectSchema = z.object({
  id: z.string().nullable(),
  matchMethod: z.enum(['uscc', 'org_code', 'registration_number', 'id_number', 'name', 'manual']).nullable(),
  type: z.string().nullable(),
  name: z.string().nullable(),
  uscc: z.string().nullable(),
  orgCode: z.string().nullable(),
  registrationNumber: z.string().nullable(),
  idNumberMasked: z.string().nullable().describe('A natural person’s ID number, masked; never shown in full'),
});

const publicationSchema = z.object({
  deadline: z.string().nullable().describe('Decision date + 7 working days; null when not due for publication'),
  publishedAt: z.string().nullable(),
  timeliness: timelinessEnum.nullable(),
  minEnd: z.string().nullable().describe('A repair is accepted only after this date'),
  maxEnd: z.string().nullable().describe('Last day of publication; null: no end'),
  endedAt: z.string().nullable(),
});

const withdrawalSchema = z
  .object({
    revokedOn: z.string(),
    reason: z.string().nullable(),
    deadline: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    timeliness: z.enum(['on_time', 'late']).nullable(),
  })
  .nullable();

export const recordSummarySchema = z
  .object({
    id: z.string(),
    itemCode: z.string(),
    itemVersion: z.number().int(),
    departmentCode: z.string(),
    recordKey: z.string(),
    subject: subjectSchema,
    decisionDate: z.string().nullable(),
    class: classEnum.nullable(),
    classSource: z.enum(['submitted', 'penalty_kind', 'default']).nullable(),
    status: statusEnum,
    version: z.number().int(),
    publication: publicationSchema,
    withdrawal: withdrawalSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CreditRecordSummary' });

export const recordSchema = recordSummarySchema
  .extend({
    payload: z.record(z.string(), z.unknown()).describe('The validated payload; ID numbers masked'),
    contentHash: z.string(),
  })
  .meta({ id: 'CreditRecord' });

const versionSchema = z.object({
  version: z.number().int(),
  change: z.enum(['create', 'correct', 'withdraw', 'link_subject', 'expire']),
  at: z.string(),
  status: statusEnum,
  subjectId: z.string().nullable(),
  classification: classEnum.nullable(),
  contentHash: z.string(),
  payload: z.record(z.string(), z.unknown()),
  provenance: z.object({
    batchId: z.string().nullable(),
    departmentId: z.string(),
    actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string() }),
    fileHash: z.string().nullable(),
    channel: z.enum(['api', 'file', 'form', 'cli', 'system']),
  }),
  note: z.record(z.string(), z.unknown()).nullable(),
});

export const recordDetailSchema = recordSchema
  .extend({ versions: z.array(versionSchema) })
  .meta({ id: 'CreditRecordDetail' });

export const recordPageSchema = z.object({
  items: z.array(recordSummarySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().describe('Records matching the filter, on every page'),
});

const countsByStatus = z.object({
  active: z.number().int(),
  withdrawn: z.number().int(),
  repaired: z.number().int(),
  expired: z.number().int(),
});
const countsByTimeliness = z.object({
  on_time: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  pending: z.number().int(),
  none: z.number().int().describe('Not due for publication'),
});

export const statsSchema = z
  .object({
    total: z.number().int(),
    unmatched: z.number().int(),
    byStatus: countsByStatus,
    byTimeliness: countsByTimeliness,
    byItem: z.array(
      z.object({
        itemCode: z.string(),
        total: z.number().int(),
        unmatched: z.number().int(),
        byStatus: countsByStatus,
        byTimeliness: countsByTimeliness,
      }),
    ),
  })
  .meta({ id: 'RecordStats' });

export const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.object({ zh: z.string(), en: z.string() }),
    body: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    readAt: z.string().nullable(),
    readBy: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationPageSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});

export const problems = (...statuses: Array<400 | 401 | 403 | 404 | 409>) =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');

/** A span of months for the dashboards (default: the last 12 months, Asia/Shanghai). */
export const monthSpanQuery = z
  .strictObject({
    from: month.optional().describe('First month, YYYY-MM (default: 11 months before `to`)'),
    to: month.optional().describe('Last month, YYYY-MM (default: this month in Asia/Shanghai)'),
    lang: z.enum(['zh', 'en']).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] })
  .refine((q) => !q.from || !q.to || monthDistance(q.from, q.to) < 60, {
    message: 'at most 60 months',
    path: ['from'],
  });

function monthDistance(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from);
}

const timelinessCounts = {
  onTime: z.number().int(),
  late: z.number().int(),
  overdue: z.number().int(),
  pending: z.number().int().describe('Not yet published, deadline not passed'),
};

export const recordsDashboardSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    departments: z.array(
      z.object({
        departmentCode: z.string(),
        total: z.number().int(),
        active: z.number().int(),
        unmatched: z.number().int().describe('Not withdrawn, no subject matched (the review queue)'),
        overdue: z.number().int().describe('Active, past the publication deadline, still unpublished'),
        withdrawn: z.number().int(),
        withdrawals: z.object({ onTime: z.number().int(), late: z.number().int() }),
        timeliness: z.object(timelinessCounts).describe('Decisions within the span'),
        months: z.array(z.object({ month: z.string(), ...timelinessCounts })),
      }),
    ),
  })
  .meta({ id: 'RecordsDashboard' });
