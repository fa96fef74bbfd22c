/**
 * Test support: the seeded catalog definitions exactly as a deployment has
 * them (booted on a temporary database and read back through the catalog's
 * API), so that the ingestion rules are tested against the real seed, not a
 * copy that could drift. Also valid sample identifiers. Never used outside tests.
 */
import { listCatalogItems, type CatalogItemDefinition } from '../../catalog';
import { createTestDeps } from '../../../platform/testing';
import { computeCitizenIdCheck, computeOrgCodeCheck, computeUsccCheck } from '../../subjects';
import type { RowError } from './row-error';
import { validateRow, type ValidationContext } from './validate-row';

let cache: Promise<ReadonlyMap<string, CatalogItemDefinition>> | null = null;

/** Every seeded item by code; the database is closed once they are read (one boot per test file). */
export function seedDefinitions(): Promise<ReadonlyMap<string, CatalogItemDefinition>> {
  cache ??= (async () => {
    const deps = await createTestDeps();
    try {
      const items = await listCatalogItems(deps.db.kysely);
      return new Map(items.map((item) => [item.code, item]));
    } finally {
      await deps.cleanup();
    }
  })();
  return cache;
}

export async function seedDefinition(code: string): Promise<CatalogItemDefinition> {
  const definition = (await seedDefinitions()).get(code);
  if (!definition) throw new Error(`no seeded catalog item ${code}`);
  return definition;
}

/** A valid USCC from a 17-character body. */
export const uscc = (body17: string): string => body17 + computeUsccCheck(body17);
export const orgCode = (body8: string): string => `${body8}-${computeOrgCodeCheck(body8)}`;
export const citizenId = (body17: string): string => body17 + computeCitizenIdCheck(body17);

export const VALID = {
  /** From DOMAIN §1. */
  companyUscc: '91110000600037341L',
  authorityUscc: uscc('11110108000013219'),
  citizenId: '11010519491231002X',
  orgCode: 'D2143569-X',
  registrationNumber: '110108000000016',
} as const;

export const CTX = { today: '2024-06-30', usccAllowList: [] } as const;

/** A complete, valid ADM_PENALTY row for an organisation, by field code. */
export function penaltyRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CF_XDR_MC: '北京某某科技有限公司',
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: VALID.companyUscc,
    CF_FRDB: '张三',
    CF_WSH: '京海市监罚〔2024〕123号',
    CF_WFXW: '未按规定公示年度报告',
    CF_SY: '经查，当事人未按规定期限公示 2023 年度报告。',
    CF_YJ: '《企业信息公示暂行条例》第十八条',
    CF_CFLB: '警告;罚款',
    CF_NR: '警告，并处罚款人民币伍仟元整',
    CF_NR_FK: '0.5',
    CF_JDRQ: '2024-03-05',
    CF_YXQ: '2025-03-04',
    CF_CFJG: '北京市海淀区市场监督管理局',
    CF_CFJGDM: VALID.authorityUscc,
    CF_SJLY: '北京市海淀区市场监督管理局',
    CF_SJLYDM: VALID.authorityUscc,
    ...overrides,
  };
}

/** A complete, valid ADM_LICENSE row for an organisation, by field code. */
export function licenseRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    XK_XDR_MC: '北京某某餐饮有限公司',
    XK_XDR_LB: '法人及非法人组织',
    XK_XDR_SHXYM: VALID.companyUscc,
    XK_FRDB: '李四',
    XK_XKWS: '食品经营许可决定书',
    XK_WSH: '京海食经许〔2024〕88号',
    XK_XKLB: '普通',
    XK_NR: '预包装食品销售，热食类食品制售',
    XK_JDRQ: '2024-03-05',
    XK_YXQZ: '2024-03-05',
    XK_YXQZI: '2029-03-04',
    XK_XKJG: '北京市海淀区市场监督管理局',
    XK_XKJGDM: VALID.authorityUscc,
    XK_LYDW: '北京市海淀区市场监督管理局',
    XK_LYDWDM: VALID.authorityUscc,
    ...overrides,
  };
}

export function payloadOf(
  definition: CatalogItemDefinition,
  cells: Record<string, string>,
  ctx: ValidationContext = CTX,
) {
  const result = validateRow(definition, cells, ctx);
  if (!result.ok) throw new Error(`expected a valid row, got ${JSON.stringify(result.errors, null, 1)}`);
  return result.payload;
}

export function errorsOf(
  definition: CatalogItemDefinition,
  cells: Record<string, string>,
  ctx: ValidationContext = CTX,
) {
  const result = validateRow(definition, cells, ctx);
  if (result.ok) throw new Error('expected the row to be rejected');
  return result.errors;
}

/** The single error of a row; fails when there are more or none. */
export const only = (errors: RowError[]): RowError => {
  if (errors.length !== 1) throw new Error(`expected one error, got ${JSON.stringify(errors, null, 1)}`);
  return errors[0]!;
};
