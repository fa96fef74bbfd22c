import { describe, expect, it } from 'vitest';
import { breakingChanges } from './catalog.breaking';
import { definitionSchema } from './catalog.definition';
import { sharingErrors, validateDefinition } from './catalog.validate';
import { sampleDefinition, seedDefinition } from './catalog.test-support';
import { SEED_ITEMS } from './seed/seed-items';
import type { DefinitionInput, FieldInput } from './seed/builders';

const errorsOf = (definition: unknown) => validateDefinition(definition).map((e) => `${e.field}:${e.code}`);

const withField = (definition: DefinitionInput, index: number, patch: Partial<FieldInput>): DefinitionInput => ({
  ...definition,
  fields: definition.fields.map((f, i) => (i === index ? { ...f, ...patch } : f)),
});

describe('validateDefinition', () => {
  it('accepts every seed item and the sample', () => {
    for (const seed of SEED_ITEMS) expect(validateDefinition(seed.definition), seed.definition.code).toEqual([]);
    expect(validateDefinition(sampleDefinition('T_ITEM'))).toEqual([]);
  });

  it('names the path of shape errors', () => {
    const definition = sampleDefinition('T_ITEM') as Record<string, unknown>;
    expect(errorsOf({ ...definition, disclosure: 'secret' })).toEqual(['disclosure:invalid_value']);
    expect(errorsOf({ ...definition, extra: 1 })).toEqual([':unrecognized_keys']);
    expect(errorsOf(withField(sampleDefinition('T_ITEM'), 2, { type: 'colour' as never }))).toEqual([
      'fields.2.type:invalid_value',
    ]);
    expect(errorsOf({ ...definition, code: 'lower' })).toEqual(['code:invalid_format']);
    const condition = withField(sampleDefinition('T_ITEM'), 1, {
      requiredWhen: [{ field: 'T_LB', of: ['甲'] } as never],
    });
    expect(errorsOf(condition)[0]).toMatch(/^fields\.1\.requiredWhen\.0/);
  });

  it('finds duplicate codes and labels', () => {
    const definition = sampleDefinition('T_ITEM');
    definition.fields.push({ ...definition.fields[1]! });
    expect(errorsOf(definition)).toEqual(['fields.4.code:duplicate', 'fields.4.labelZh:duplicate']);
  });

  it('checks identity key, conditions, dictionaries and the period rule against the fields', () => {
    const base = sampleDefinition('T_ITEM');
    expect(errorsOf({ ...base, identityKey: ['T_NONE'] })).toEqual(['identityKey.0:unknown_field']);
    expect(errorsOf({ ...base, identityKey: ['T_LB'] })).toEqual(['identityKey.0:not_required']);
    expect(errorsOf(withField(base, 1, { required: false, requiredWhen: [{ field: 'T_NONE', in: ['甲'] }] }))).toEqual([
      'fields.1.requiredWhen.0.field:unknown_field',
    ]);
    expect(errorsOf(withField(base, 1, { required: false, requiredWhen: [{ field: 'T_LB', in: ['丁'] }] }))).toEqual([
      'fields.1.requiredWhen.0.in.0:unknown_value',
    ]);
    expect(errorsOf(withField(base, 1, { required: false, requiredWhen: [{ field: 'T_MC', present: true }] }))).toEqual(
      ['fields.1.requiredWhen.0.field:self_reference'],
    );
    expect(errorsOf(withField(base, 1, { requiredWhen: [{ field: 'T_LB', in: ['甲'] }] }))).toEqual([
      'fields.1.requiredWhen:redundant',
    ]);
    expect(errorsOf(withField(base, 2, { dictionary: null }))).toEqual(['fields.2.dictionary:required']);
    expect(errorsOf(withField(base, 2, { dictionary: [{ value: '甲' }, { value: '乙', synonyms: ['甲'] }] }))).toEqual([
      'fields.2.dictionary.1.synonyms.0:duplicate',
    ]);
    expect(errorsOf(withField(base, 1, { maxLength: null }))).toEqual(['fields.1.maxLength:required']);
    expect(errorsOf(withField(base, 3, { maxLength: 10 }))).toEqual(['fields.3.maxLength:not_applicable']);
    expect(errorsOf({ ...base, publicationPeriod: { kind: 'fixed', startField: 'T_MC', months: 6 } })).toEqual([
      'publicationPeriod.startField:not_a_date',
    ]);
    expect(errorsOf({ ...base, category: 'gossip' })).toEqual(['category:unknown_category']);
    expect(errorsOf({ ...base, publicWhen: [{ field: 'T_LB', in: ['甲'] }] })).toEqual(['publicWhen:not_applicable']);
  });

  it('checks penalty regimes are dated in ascending order with min ≤ max', () => {
    const penalty = seedDefinition('ADM_PENALTY');
    if (penalty.publicationPeriod.kind !== 'penalty_classified') throw new Error('unreachable');
    const [first, second] = penalty.publicationPeriod.regimes;
    const regimes = [
      { ...second!, serious: { minMonths: 40, maxMonths: 36 } },
      { ...first!, effectiveFrom: '2020-01-01' },
    ];
    expect(errorsOf({ ...penalty, publicationPeriod: { ...penalty.publicationPeriod, regimes } })).toEqual([
      'publicationPeriod.regimes.0.serious.minMonths:min_above_max',
      'publicationPeriod.regimes.1.effectiveFrom:not_ascending',
    ]);
  });

  it('checks sharing entries', () => {
    const codes = (s: Parameters<typeof sharingErrors>[0]) => sharingErrors(s).map((e) => `${e.field}:${e.code}`);
    const base = {
      condition: null,
      allDepartments: true,
      departments: [],
      roles: [],
      methods: ['online_query' as const],
    };
    expect(codes({ ...base, type: 'unconditional' })).toEqual([]);
    expect(codes({ ...base, type: 'conditional' })).toEqual(['condition:required']);
    expect(codes({ ...base, type: 'none' })).toEqual(['type:contradiction']);
    expect(codes({ ...base, type: 'unconditional', allDepartments: false })).toEqual(['departments:required']);
  });
});

describe('breakingChanges', () => {
  const parse = (d: DefinitionInput) => definitionSchema.parse(d);
  const before = parse(sampleDefinition('T_ITEM'));

  it('lets compatible changes through', () => {
    const after = sampleDefinition('T_ITEM');
    after.nameZh = '改名';
    after.fields[1] = { ...after.fields[1]!, maxLength: 200, description: '更长' };
    after.fields[2] = {
      ...after.fields[2]!,
      dictionary: [{ value: '甲' }, { value: '乙' }, { value: '丙' }, { value: '丁' }],
    };
    after.fields.push({ code: 'T_BZ', labelZh: '备注', labelEn: 'Remarks', type: 'text', maxLength: 100 });
    expect(breakingChanges(before, parse(after))).toEqual([]);
  });

  it('lists every change existing records may not survive, in zh and en', () => {
    const after = sampleDefinition('T_ITEM');
    after.fields = after.fields.filter((f) => f.code !== 'T_RQ');
    after.fields[1] = { ...after.fields[1]!, maxLength: 10 };
    after.fields[2] = { ...after.fields[2]!, required: true, dictionary: [{ value: '甲' }, { value: '乙' }] };
    after.fields[0] = { ...after.fields[0]!, type: 'text' };
    after.fields.push({ code: 'T_NEW', labelZh: '新', labelEn: 'New', type: 'date', required: true });
    after.publicationPeriod = { kind: 'none' };
    after.identityKey = ['T_WSH', 'T_MC'];
    const changes = breakingChanges(before, parse(after));
    expect(changes.map((c) => `${c.kind}:${c.field}`)).toEqual([
      'type_changed:T_WSH',
      'max_length_shrunk:T_MC',
      'became_required:T_LB',
      'dictionary_value_removed:T_LB',
      'field_removed:T_RQ',
      'field_added_required:T_NEW',
      'identity_key_changed:null',
    ]);
    for (const change of changes) {
      expect(change.message.zh.length).toBeGreaterThan(0);
      expect(change.message.en.length).toBeGreaterThan(0);
    }
    expect(changes.find((c) => c.kind === 'dictionary_value_removed')!.message.zh).toContain('丙');
  });
});
