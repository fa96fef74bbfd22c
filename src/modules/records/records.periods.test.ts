import { describe, expect, it } from 'vitest';
import type { PeriodRule } from '../catalog';
import { addMonths, shanghaiDate } from './records.dates';
import { normalizeKeyPart, maskDocumentNumber } from './records.payload';
import { publicationWindow, type PenaltyFacts } from './records.periods';

// The seeded penalty rule (catalog seed/builders.ts PENALTY_REGIMES), repeated here as data.
const penaltyRule: PeriodRule = {
  kind: 'penalty_classified',
  startField: 'CF_JDRQ',
  unclassifiedAs: 'general',
  regimes: [
    {
      effectiveFrom: null,
      basis: 'earlier',
      minor: { minMonths: 3, maxMonths: 36, publishedByDefault: true },
      general: { minMonths: 3, maxMonths: 36, publishedByDefault: true },
      serious: { minMonths: 3, maxMonths: 36, publishedByDefault: true },
    },
    {
      effectiveFrom: '2026-04-01',
      basis: '国办发〔2025〕22号',
      minor: { minMonths: 0, maxMonths: 3, publishedByDefault: false },
      general: { minMonths: 3, maxMonths: 12, publishedByDefault: true },
      serious: { minMonths: 12, maxMonths: 36, publishedByDefault: true },
    },
  ],
};

const facts = (over: Partial<PenaltyFacts> = {}): PenaltyFacts => ({
  classification: undefined,
  kinds: ['罚款'],
  kindClasses: {},
  ...over,
});

describe('publication periods (DOMAIN §4)', () => {
  it('counts calendar months from the decision date, ending on the month end when the day is missing', () => {
    expect(addMonths('2026-05-10', 3)).toBe('2026-08-10');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-04-01', 36)).toBe('2029-04-01');
    expect(addMonths('2026-12-15', 0)).toBe('2026-12-15');
  });

  it('applies the regime in force since 2026-04-01: minor (unpublished, ≤ 3 m), general 3–12 m, serious 1–3 y', () => {
    const payload = { CF_JDRQ: '2026-05-10' };
    expect(publicationWindow(penaltyRule, payload, facts({ classification: 'minor' }))).toMatchObject({
      class: 'minor',
      classSource: 'submitted',
      regimeFrom: '2026-04-01',
      minEnd: '2026-05-10',
      maxEnd: '2026-08-10',
      publishable: false,
    });
    expect(publicationWindow(penaltyRule, payload, facts({ classification: 'general' }))).toMatchObject({
      class: 'general',
      minEnd: '2026-08-10',
      maxEnd: '2027-05-10',
      publishable: true,
    });
    expect(publicationWindow(penaltyRule, payload, facts({ classification: 'serious' }))).toMatchObject({
      class: 'serious',
      minEnd: '2027-05-10',
      maxEnd: '2029-05-10',
      publishable: true,
    });
  });

  it('applies the earlier regime (3 months – 3 years) to decisions before 2026-04-01, whatever the class', () => {
    for (const classification of ['minor', 'general', 'serious'] as const) {
      expect(
        publicationWindow(penaltyRule, { CF_JDRQ: '2026-03-31' }, facts({ classification })),
        classification,
      ).toMatchObject({
        class: classification,
        regimeFrom: null,
        minEnd: '2026-06-30',
        maxEnd: '2029-03-31',
        publishable: true,
      });
    }
    expect(publicationWindow(penaltyRule, { CF_JDRQ: '2026-04-01' }, facts()).regimeFrom).toBe('2026-04-01');
  });

  it('classes an unclassified penalty as general', () => {
    expect(publicationWindow(penaltyRule, { CF_JDRQ: '2026-06-01' }, facts())).toMatchObject({
      class: 'general',
      classSource: 'default',
      minEnd: '2026-09-01',
      maxEnd: '2027-06-01',
    });
  });

  it('takes the longest class among the classification and the classes of several penalty kinds', () => {
    const kindClasses = { 警告: 'minor', 吊销许可证件: 'serious', 罚款: 'general' } as const;
    const payload = { CF_JDRQ: '2026-06-01' };
    expect(
      publicationWindow(penaltyRule, payload, facts({ kinds: ['警告', '罚款', '吊销许可证件'], kindClasses })),
    ).toMatchObject({ class: 'serious', classSource: 'penalty_kind', maxEnd: '2029-06-01' });
    expect(
      publicationWindow(penaltyRule, payload, facts({ classification: 'minor', kinds: ['警告', '罚款'], kindClasses })),
    ).toMatchObject({ class: 'general', classSource: 'penalty_kind', publishable: true });
    expect(
      publicationWindow(penaltyRule, payload, facts({ classification: 'serious', kinds: ['警告'], kindClasses })),
    ).toMatchObject({ class: 'serious', classSource: 'submitted' });
    expect(publicationWindow(penaltyRule, payload, facts({ kinds: ['警告'], kindClasses }))).toMatchObject({
      class: 'minor',
      classSource: 'penalty_kind',
      publishable: false,
    });
  });

  it('publishes a licence until its own end date; 9999-12-31 is open-ended', () => {
    const rule: PeriodRule = {
      kind: 'validity',
      startField: 'XK_YXQZ',
      endField: 'XK_YXQZI',
      openEndDate: '9999-12-31',
    };
    expect(publicationWindow(rule, { XK_YXQZ: '2026-01-05', XK_YXQZI: '2031-01-04' }, facts())).toMatchObject({
      class: null,
      minEnd: '2031-01-04',
      maxEnd: '2031-01-04',
      publishable: true,
    });
    expect(publicationWindow(rule, { XK_YXQZ: '2026-01-05', XK_YXQZI: '9999-12-31' }, facts())).toMatchObject({
      minEnd: null,
      maxEnd: null,
    });
  });

  it('fixed periods end after their months; items without a rule have no end', () => {
    expect(
      publicationWindow({ kind: 'fixed', startField: 'SP_CYRQ', months: 12 }, { SP_CYRQ: '2026-02-29' }, facts()),
    ).toMatchObject({ minEnd: null, maxEnd: null });
    expect(
      publicationWindow({ kind: 'fixed', startField: 'SP_CYRQ', months: 12 }, { SP_CYRQ: '2026-03-15' }, facts()),
    ).toMatchObject({ minEnd: '2027-03-15', maxEnd: '2027-03-15' });
    expect(publicationWindow({ kind: 'none' }, {}, facts())).toMatchObject({ minEnd: null, maxEnd: null });
  });
});

describe('record keys, masks and legal dates', () => {
  it('normalises re-typings of a decision number to one key', () => {
    const canonical = normalizeKeyPart('京海市监罚〔2026〕123号');
    for (const variant of ['京海市监罚[2026]123号', ' 京海市监罚（2026） 123号', '京海市监罚【２０２６】１２３号']) {
      expect(normalizeKeyPart(variant), variant).toBe(canonical);
    }
    expect(normalizeKeyPart('xk-2026-a1')).toBe('XK-2026-A1');
  });

  it('masks citizen IDs as 6 + 4 and other document numbers as 2 + 2', () => {
    expect(maskDocumentNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskDocumentNumber('E12345678')).toBe('E1*****78');
  });

  it('takes receipt dates in Asia/Shanghai', () => {
    expect(shanghaiDate('2026-11-27T16:30:00Z')).toBe('2026-11-28');
    expect(shanghaiDate('2026-11-27T15:59:59Z')).toBe('2026-11-27');
    expect(shanghaiDate(new Date('2026-11-27T16:00:00.000Z'))).toBe('2026-11-28');
    expect(shanghaiDate('2026-12-31T16:00:00+00:00')).toBe('2027-01-01');
    // Before 1992 China kept daylight saving time (UTC+9 in summer): those instants go through the time zone database.
    expect(shanghaiDate('1991-07-01T15:30:00Z')).toBe('1991-07-02');
    expect(shanghaiDate('1991-12-31T15:30:00Z')).toBe('1991-12-31');
  });
});
