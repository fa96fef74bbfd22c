import type { FieldError } from '../../platform/errors';
import { checkIdentifier, usccToOrgCode, maskCitizenId, type IdentifierKind } from './identifiers';
import { industryByCode, industryBySection, regionByCode, regionByName } from './dictionaries';
import type { SubjectKindCode } from './subjects.repository';

export interface NewSubjectInput {
  readonly kind: SubjectKindCode;
  readonly name: string;
  readonly uscc?: string | null;
  readonly orgCode?: string | null;
  readonly registrationNumber?: string | null;
  readonly idNumber?: string | null;
  readonly legalRepresentative?: string | null;
  /** Region code or its Chinese name. */
  readonly region?: string | null;
  readonly industrySection?: string | null;
  readonly establishedOn?: string | null;
  readonly formerNames?: readonly string[];
}

/** A subject whose identifiers are checked and normalised, ready to store. */
export interface ValidSubject {
  readonly kind: SubjectKindCode;
  readonly name: string;
  readonly uscc: string | null;
  readonly orgCode: string | null;
  readonly derivedOrgCode: string | null;
  readonly registrationNumber: string | null;
  readonly idNumber: string | null;
  readonly idNumberMasked: string | null;
  readonly legalRepresentative: string | null;
  readonly regionCode: string | null;
  readonly industrySection: string | null;
  readonly establishedOn: string | null;
  readonly formerNames: readonly string[];
}

/** Collapses white space and full-width spaces; names are otherwise kept exactly as given. */
export function cleanName(name: string): string {
  return name.replace(/[\s\u3000]+/g, ' ').trim();
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkOne(
  errors: FieldError[],
  field: string,
  value: string | null | undefined,
  kind: IdentifierKind,
  allowList: readonly string[],
): string | null {
  if (value === undefined || value === null || value.trim() === '') return null;
  const result = checkIdentifier(value, { kind, allowList });
  if (!result.valid) {
    errors.push({
      field,
      code: `identifier.${result.reason?.code ?? 'invalid'}`,
      message: result.reason
        ? { zh: result.reason.zh, en: result.reason.en }
        : { zh: '标识无效', en: 'invalid identifier' },
      value,
    });
    return null;
  }
  return result.normalized;
}

/** Validates a new subject: identifiers by their check algorithms, kinds' required identifiers, dictionaries. */
export function validateNewSubject(
  input: NewSubjectInput,
  allowList: readonly string[],
): { ok: true; subject: ValidSubject } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = cleanName(input.name ?? '');
  if (!name) errors.push({ field: 'name', code: 'required', message: { zh: '名称不能为空', en: 'name is required' } });
  if (name.length > 200)
    errors.push({
      field: 'name',
      code: 'too_long',
      message: { zh: '名称不能超过 200 字', en: 'name exceeds 200 characters' },
    });

  const uscc = checkOne(errors, 'uscc', input.uscc, 'uscc', allowList);
  const orgCode = checkOne(errors, 'orgCode', input.orgCode, 'org_code', allowList);
  const registrationNumber = checkOne(
    errors,
    'registrationNumber',
    input.registrationNumber,
    'registration_number',
    allowList,
  );
  const idNumber = checkOne(errors, 'idNumber', input.idNumber, 'citizen_id', allowList);

  if (input.kind === 'natural_person') {
    if (!idNumber && !errors.some((e) => e.field === 'idNumber'))
      errors.push({
        field: 'idNumber',
        code: 'required',
        message: { zh: '自然人须提供身份证号码', en: 'a natural person needs an ID number' },
      });
    if (input.uscc || input.orgCode || input.registrationNumber)
      errors.push({
        field: 'uscc',
        code: 'not_allowed',
        message: { zh: '自然人不应填写机构代码', en: 'a natural person has no organisation codes' },
      });
  } else {
    if (input.idNumber)
      errors.push({
        field: 'idNumber',
        code: 'not_allowed',
        message: { zh: '只有自然人填写身份证号码', en: 'only natural persons have an ID number' },
      });
    const anyGiven = input.uscc || input.orgCode || input.registrationNumber;
    if (!anyGiven)
      errors.push({
        field: 'uscc',
        code: 'required',
        message: {
          zh: '法人、非法人组织和个体工商户须提供统一社会信用代码（或旧注册号/组织机构代码）',
          en: 'organisations and individual businesses need a USCC (or a legacy registration number or organisation code)',
        },
      });
  }

  let regionCode: string | null = null;
  if (input.region) {
    const region = regionByCode(input.region) ?? regionByName(input.region);
    if (!region)
      errors.push({
        field: 'region',
        code: 'unknown_region',
        message: { zh: `未知的街道/镇：${input.region}`, en: `unknown street or town: ${input.region}` },
        value: input.region,
      });
    else regionCode = region.code;
  }
  let industrySection: string | null = null;
  if (input.industrySection) {
    // A section letter, or a GB/T 4754 division/class code rolled up to its section.
    const section = (industryBySection(input.industrySection) ?? industryByCode(input.industrySection))?.section;
    if (!section)
      errors.push({
        field: 'industrySection',
        code: 'unknown_industry',
        message: { zh: '行业门类应为 GB/T 4754 的 A–T', en: 'industry section must be a GB/T 4754 section A–T' },
        value: input.industrySection,
      });
    else industrySection = section;
  }
  if (input.establishedOn && !DATE.test(input.establishedOn))
    errors.push({
      field: 'establishedOn',
      code: 'bad_date',
      message: { zh: '日期格式应为 YYYY-MM-DD', en: 'date must be YYYY-MM-DD' },
      value: input.establishedOn,
    });

  if (errors.length > 0) return { ok: false, errors };
  const derivedOrgCode = uscc ? usccToOrgCode(uscc, { allowList }) : null;
  return {
    ok: true,
    subject: {
      kind: input.kind,
      name,
      uscc,
      orgCode,
      derivedOrgCode: derivedOrgCode && derivedOrgCode !== orgCode ? derivedOrgCode : null,
      registrationNumber,
      idNumber,
      idNumberMasked: idNumber ? maskCitizenId(idNumber) : null,
      legalRepresentative: input.legalRepresentative ? cleanName(input.legalRepresentative) : null,
      regionCode,
      industrySection,
      establishedOn: input.establishedOn ?? null,
      formerNames: (input.formerNames ?? []).map(cleanName).filter(Boolean),
    },
  };
}
