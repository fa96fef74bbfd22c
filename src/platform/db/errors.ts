import { AppError } from '../errors';

export type ConstraintKind = 'unique' | 'foreign_key' | 'not_null' | 'check';

/** A driver error translated into one shape, whatever the database. */
export class ConstraintViolation extends AppError {
  readonly kind: ConstraintKind;
  readonly constraint: string | undefined;

  constructor(kind: ConstraintKind, constraint: string | undefined, cause: unknown) {
    const text = {
      unique: { zh: '记录已存在（唯一性冲突）', en: 'A record with the same key already exists' },
      foreign_key: { zh: '引用的对象不存在', en: 'A referenced item does not exist' },
      not_null: { zh: '缺少必填值', en: 'A required value is missing' },
      check: { zh: '值不符合约束', en: 'A value breaks a constraint' },
    }[kind];
    super(`db.${kind}_violation`, kind === 'unique' ? 409 : 400, text, {
      details: constraint ? { constraint } : undefined,
      cause,
    });
    this.kind = kind;
    this.constraint = constraint;
  }
}

const sqliteCodes: Record<string, ConstraintKind> = {
  SQLITE_CONSTRAINT_UNIQUE: 'unique',
  SQLITE_CONSTRAINT_PRIMARYKEY: 'unique',
  SQLITE_CONSTRAINT_FOREIGNKEY: 'foreign_key',
  SQLITE_CONSTRAINT_NOTNULL: 'not_null',
  SQLITE_CONSTRAINT_CHECK: 'check',
};

const postgresCodes: Record<string, ConstraintKind> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23502': 'not_null',
  '23514': 'check',
};

/**
 * The one place driver errors are read. Anything that is not a constraint
 * violation is returned unchanged.
 */
export function translateDbError(error: unknown): unknown {
  if (!error || typeof error !== 'object' || error instanceof AppError) return error;
  const { code, constraint, message } = error as { code?: unknown; constraint?: string; message?: string };
  if (typeof code !== 'string') return error;
  const kind = sqliteCodes[code] ?? postgresCodes[code];
  if (!kind) return error;
  // SQLite names the columns in the message ("UNIQUE constraint failed: t.a, t.b").
  const name = constraint ?? message?.split(': ')[1];
  return new ConstraintViolation(kind, name, error);
}

/** True when `error` (raw or translated) is a unique-key violation. */
export function isUniqueViolation(error: unknown): boolean {
  const translated = translateDbError(error);
  return translated instanceof ConstraintViolation && translated.kind === 'unique';
}
