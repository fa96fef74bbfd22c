/** Human-readable sentences about catalog rules, in Chinese and English (CLI, console). */
import type { LocalizedText } from '../../platform/errors';
import { SHARING_METHOD_LABELS, SHARING_TYPE_LABELS } from './catalog.dictionaries';
import type { CatalogField, FieldCondition, PeriodClass, PeriodRule, SharingEntry } from './catalog.types';

const months = (n: number): LocalizedText => {
  if (n > 0 && n % 12 === 0) return { zh: `${n / 12}年`, en: `${n / 12} year${n === 12 ? '' : 's'}` };
  return { zh: `${n}个月`, en: `${n} month${n === 1 ? '' : 's'}` };
};

const range = (c: PeriodClass): LocalizedText => {
  const low = months(c.minMonths);
  const high = months(c.maxMonths);
  const hidden = c.publishedByDefault ? { zh: '', en: '' } : { zh: '，通常不公示', en: ', normally unpublished' };
  if (c.minMonths === 0) return { zh: `至多${high.zh}${hidden.zh}`, en: `up to ${high.en}${hidden.en}` };
  return { zh: `${low.zh}–${high.zh}${hidden.zh}`, en: `${low.en}–${high.en}${hidden.en}` };
};

export function describePeriod(rule: PeriodRule): LocalizedText {
  switch (rule.kind) {
    case 'none':
      return { zh: '无公示期', en: 'No publication period' };
    case 'fixed': {
      const m = months(rule.months);
      return { zh: `自 ${rule.startField} 起公示${m.zh}`, en: `${m.en} from ${rule.startField}` };
    }
    case 'validity':
      return {
        zh: `公示至 ${rule.endField}（${rule.openEndDate} 表示长期）`,
        en: `Until ${rule.endField} (${rule.openEndDate} means no end)`,
      };
    case 'penalty_classified': {
      const regimes = rule.regimes.map((r, i) => {
        const next = rule.regimes[i + 1]?.effectiveFrom;
        const when: LocalizedText = r.effectiveFrom
          ? { zh: `${r.effectiveFrom} 起`, en: `from ${r.effectiveFrom}` }
          : next
            ? { zh: `${next} 前`, en: `before ${next}` }
            : { zh: '一律', en: 'always' };
        const [minor, general, serious] = [range(r.minor), range(r.general), range(r.serious)];
        return {
          zh: `${when.zh}：轻微 ${minor.zh}；一般 ${general.zh}；严重 ${serious.zh}`,
          en: `${when.en}: minor ${minor.en}; general ${general.en}; serious ${serious.en}`,
        };
      });
      return {
        zh: `按处罚类别，自 ${rule.startField} 起计：${regimes.map((r) => r.zh).join(' | ')}`,
        en: `By penalty class, counted from ${rule.startField}: ${regimes.map((r) => r.en).join(' | ')}`,
      };
    }
  }
}

export function describeConditions(conditions: readonly FieldCondition[]): string {
  return conditions
    .map((c) => ('in' in c ? `${c.field} ∈ {${c.in.join(', ')}}` : `${c.field} 已填 present`))
    .join(' & ');
}

/** R (required), C: … (conditionally required), or - (optional); D for derived. */
export function describeRequirement(field: CatalogField): string {
  if (field.derived) return 'D 派生';
  if (field.required) return 'R 必填';
  if (field.requiredWhen.length > 0) return `C 条件: ${describeConditions(field.requiredWhen)}`;
  return '-';
}

export function describeSharing(sharing: SharingEntry): LocalizedText {
  const type = SHARING_TYPE_LABELS[sharing.type];
  if (sharing.type === 'none') return type;
  const recipients = [
    ...(sharing.allDepartments ? ['全部部门 all departments'] : []),
    ...sharing.departments,
    ...sharing.roles.map((r) => `role:${r}`),
  ].join(', ');
  const methods = sharing.methods.map((m) => SHARING_METHOD_LABELS[m]);
  const condition = sharing.condition
    ? { zh: `；条件：${sharing.condition.zh}`, en: `; condition: ${sharing.condition.en}` }
    : { zh: '', en: '' };
  return {
    zh: `${type.zh}；对象：${recipients}；方式：${methods.map((m) => m.zh).join('、')}${condition.zh}`,
    en: `${type.en}; to: ${recipients}; by: ${methods.map((m) => m.en).join(', ')}${condition.en}`,
  };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Terminal columns a string takes: CJK characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/** A plain-text table whose columns line up with Chinese text in them. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: readonly string[]) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + ' '.repeat(widths[i]! - displayWidth(cell))))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
