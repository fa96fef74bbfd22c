/**
 * The publication window of a record (DOMAIN §4): its class, `min_end` (a
 * repair is accepted only after it) and `max_end` (the last day it is
 * published), from the catalog item's period rule. Pure functions.
 *
 * Both ends are inclusive last days: a 3-month period from a decision on
 * 2026-05-10 ends on 2026-08-10 (民法典 arts. 201–202: the period starts the
 * day after and ends on the corresponding day of its last month).
 */
import type { PenaltyClass, PenaltyRegime, PeriodRule } from '../catalog';
import { addMonths, isIsoDate } from './records.dates';

export type ClassSource = 'submitted' | 'penalty_kind' | 'default';

export interface PublicationWindow {
  /** Only for penalty-classified items. */
  readonly class: PenaltyClass | null;
  readonly classSource: ClassSource | null;
  /** The regime's `effectiveFrom` (null: the earliest regime); only for penalties. */
  readonly regimeFrom: string | null;
  readonly minEnd: string | null;
  /** Null: no end (open-ended validity, or no period rule). */
  readonly maxEnd: string | null;
  /** False for classes that are normally not published (minor, since 2026-04-01). */
  readonly publishable: boolean;
}

const NO_WINDOW: PublicationWindow = {
  class: null,
  classSource: null,
  regimeFrom: null,
  minEnd: null,
  maxEnd: null,
  publishable: true,
};

/** The regime in force on `date`: the latest whose `effectiveFrom` is not after it. */
export function regimeFor(regimes: readonly PenaltyRegime[], date: string): PenaltyRegime | undefined {
  let chosen: PenaltyRegime | undefined;
  for (const regime of regimes) {
    if (regime.effectiveFrom !== null && regime.effectiveFrom > date) continue;
    if (!chosen || (chosen.effectiveFrom ?? '') < (regime.effectiveFrom ?? '')) chosen = regime;
  }
  return chosen;
}

/** Longer period first: by maximum, then by minimum. */
function longer(regime: PenaltyRegime, a: PenaltyClass, b: PenaltyClass): PenaltyClass {
  const pa = regime[a];
  const pb = regime[b];
  if (pa.maxMonths !== pb.maxMonths) return pa.maxMonths > pb.maxMonths ? a : b;
  return pa.minMonths >= pb.minMonths ? a : b;
}

export interface PenaltyFacts {
  readonly classification: PenaltyClass | undefined;
  /** The record's penalty kinds (处罚类别), several allowed. */
  readonly kinds: readonly string[];
  readonly kindClasses: Readonly<Record<string, PenaltyClass>>;
}

/**
 * The class a penalty record is published under: the longest among the
 * submitted classification and the configured classes of its penalty kinds
 * ("several penalty kinds → the longest"); the rule's `unclassifiedAs`
 * (general) when none applies.
 */
export function penaltyClass(
  regime: PenaltyRegime,
  unclassifiedAs: PenaltyClass,
  facts: PenaltyFacts,
): { class: PenaltyClass; source: ClassSource } {
  let chosen: PenaltyClass | undefined = facts.classification;
  let source: ClassSource = 'submitted';
  for (const kind of facts.kinds) {
    const cls = facts.kindClasses[kind];
    if (!cls) continue;
    const next = chosen ? longer(regime, chosen, cls) : cls;
    if (next !== chosen) source = 'penalty_kind';
    chosen = next;
  }
  return chosen ? { class: chosen, source } : { class: unclassifiedAs, source: 'default' };
}

const dateIn = (payload: Readonly<Record<string, unknown>>, field: string | null): string | null => {
  if (!field) return null;
  const value = payload[field];
  return isIsoDate(value) ? value : null;
};

/** The publication window of one record under `rule`. */
export function publicationWindow(
  rule: PeriodRule,
  payload: Readonly<Record<string, unknown>>,
  facts: PenaltyFacts,
): PublicationWindow {
  switch (rule.kind) {
    case 'none':
      return NO_WINDOW;
    case 'fixed': {
      // One stated period and no shorter minimum: the whole period is also the minimum.
      const start = dateIn(payload, rule.startField);
      const end = start ? addMonths(start, rule.months) : null;
      return { ...NO_WINDOW, minEnd: end, maxEnd: end };
    }
    case 'validity': {
      // Published as long as the record itself is valid (a licence until 有效期至).
      const end = dateIn(payload, rule.endField);
      const open = end === null || end === rule.openEndDate;
      return { ...NO_WINDOW, minEnd: open ? null : end, maxEnd: open ? null : end };
    }
    case 'penalty_classified': {
      const start = dateIn(payload, rule.startField);
      const regime = start ? regimeFor(rule.regimes, start) : undefined;
      if (!start || !regime) {
        return { ...NO_WINDOW, class: facts.classification ?? rule.unclassifiedAs, classSource: null };
      }
      const { class: cls, source } = penaltyClass(regime, rule.unclassifiedAs, facts);
      const period = regime[cls];
      return {
        class: cls,
        classSource: source,
        regimeFrom: regime.effectiveFrom,
        minEnd: addMonths(start, period.minMonths),
        maxEnd: addMonths(start, period.maxMonths),
        publishable: period.publishedByDefault,
      };
    }
  }
}
