/**
 * One-line human output of a check, for the CLI and import logs. Citizen IDs
 * (and unrecognised strings) are always masked here: these lines end up in
 * terminals and log files.
 */
import type { IdentifierCheck, IdentifierDetails } from './check';
import { maskCitizenId } from './citizen-id';
import { IDENTIFIER_KIND_LABELS } from './reasons';

export type OutputLanguage = 'zh' | 'en';

function describe(details: IdentifierDetails, lang: OutputLanguage): string {
  switch (details.kind) {
    case 'uscc': {
      const { registrationAuthority: a, institutionCategory: c, divisionCode, embeddedOrgCode, orgCodeValid } = details;
      const orgZh = orgCodeValid ? `，组织机构代码 ${embeddedOrgCode}` : '';
      const orgEn = orgCodeValid ? `, organisation code ${embeddedOrgCode}` : '';
      return lang === 'zh'
        ? `${a.zh}（${a.code}）/ ${c.zh}（${c.code}），行政区划 ${divisionCode}${orgZh}`
        : `${a.en} (${a.code}) / ${c.en} (${c.code}), division ${divisionCode}${orgEn}`;
    }
    case 'registration_number':
      return lang === 'zh' ? `登记机关区划 ${details.divisionCode}` : `division ${details.divisionCode}`;
    case 'org_code':
    case 'citizen_id':
      // Birth date and sex are personal information: not repeated in a log line.
      return '';
  }
}

export function formatIdentifierCheck(result: IdentifierCheck, lang: OutputLanguage): string {
  // Unrecognised strings are masked too: a mistyped ID number is still an ID number.
  const shown =
    result.kind === 'citizen_id' || result.kind === 'unknown' ? maskCitizenId(result.normalized) : result.normalized;
  if (result.kind === 'unknown') {
    const why = result.reason ? (lang === 'zh' ? result.reason.zh : result.reason.en) : '';
    return lang === 'zh' ? `“${shown}” 无效：${why}` : `"${shown}" invalid: ${why}`;
  }

  const label = IDENTIFIER_KIND_LABELS[result.kind];
  const name = lang === 'zh' ? label.zh : label.en;
  if (!result.valid) {
    const why = result.reason ? (lang === 'zh' ? result.reason.zh : result.reason.en) : '';
    return lang === 'zh' ? `${name} ${shown} 无效：${why}` : `${name} ${shown} invalid: ${why}`;
  }

  const about = result.details ? describe(result.details, lang) : '';
  const pilot = result.allowListed
    ? lang === 'zh'
      ? '（试点白名单代码，校验位不符）'
      : ' (allow-listed pilot code: check character does not verify)'
    : '';
  if (lang === 'zh') return `${name} ${shown} 有效${about ? `：${about}` : ''}${pilot}`;
  return `${name} ${shown} valid${about ? ` — ${about}` : ''}${pilot}`;
}
