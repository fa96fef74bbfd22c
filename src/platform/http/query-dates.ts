/**
 * Dates in query strings: one zod schema for "a real calendar date YYYY-MM-DD"
 * and one check that a range's start is not after its end. A refusal names the
 * parameter and says why in the client's language (`problem.ts` renders the
 * `text` of these issues), e.g. `querystring.from: the month must be 01–12, got 13`.
 */
import { z } from 'zod';
import { explainCalendarDate } from '../dates';
import type { LocalizedText } from '../errors';

/** What `problem.ts` reads from a custom zod issue: a stable code and the reason in both languages. */
export interface LocalizedIssueParams {
  readonly code: string;
  readonly text: LocalizedText;
  readonly value?: unknown;
}

/** A real calendar date `YYYY-MM-DD` (2026-02-30 and 2026-13-45 are refused, with the reason). */
export const calendarDate = () =>
  z
    .string()
    .max(40)
    .superRefine((value, ctx) => {
      const why = explainCalendarDate(value);
      if (why) {
        const params: LocalizedIssueParams = { code: 'invalid_date', text: why, value };
        ctx.addIssue({ code: 'custom', message: why.en, params });
      }
    })
    .meta({ format: 'date' });

/**
 * Refuses a range whose start is after its end, on the start parameter:
 * `.superRefine(dateRange('from', 'to'))` on a query object.
 */
export function dateRange<K extends string>(fromKey: K, toKey: K) {
  return (query: Partial<Record<K, string | undefined>>, ctx: z.RefinementCtx): void => {
    const from = query[fromKey];
    const to = query[toKey];
    if (!from || !to || from <= to) return;
    const params: LocalizedIssueParams = {
      code: 'date_range',
      text: {
        zh: `开始日期 ${from} 晚于结束日期 ${to}（${toKey}）`,
        en: `${from} is after \`${toKey}\` (${to}); the start must not be after the end`,
      },
    };
    ctx.addIssue({ code: 'custom', path: [fromKey], message: params.text.en, params });
  };
}
