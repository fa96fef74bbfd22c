/**
 * The one error base of the platform. Every module declares its own errors as
 * small factories over it; the HTTP layer renders them as RFC 9457 problems and
 * the CLI prints the message in the user's language.
 */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `body.fields.3.code` or `row 12 / CF_WSH`. */
  readonly field: string;
  readonly code: string;
  readonly message: LocalizedText;
  readonly value?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly text: LocalizedText;
  readonly details: Record<string, unknown> | undefined;
  readonly errors: readonly FieldError[] | undefined;

  constructor(
    code: string,
    status: number,
    text: LocalizedText,
    options: { details?: Record<string, unknown>; errors?: readonly FieldError[]; cause?: unknown } = {},
  ) {
    super(text.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.text = text;
    this.details = options.details;
    this.errors = options.errors;
  }
}

export const notFound = (what: LocalizedText, details?: Record<string, unknown>): AppError =>
  new AppError('not_found', 404, { zh: `未找到${what.zh}`, en: `${what.en} not found` }, { details });

export const validationFailed = (errors: readonly FieldError[]): AppError =>
  new AppError(
    'validation_failed',
    400,
    {
      zh: `输入有误：${errors.map((e) => `${e.field}：${e.message.zh}`).join('；')}`,
      en: `Invalid input: ${errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}`,
    },
    { errors },
  );

export const forbidden = (needed: string): AppError =>
  new AppError(
    'forbidden',
    403,
    { zh: `没有权限：需要 ${needed}`, en: `Not allowed: requires ${needed}` },
    { details: { needed } },
  );

export const unauthenticated = (): AppError =>
  new AppError('unauthenticated', 401, {
    zh: '请先登录',
    en: 'Sign in first',
  });

export const conflict = (code: string, text: LocalizedText, details?: Record<string, unknown>): AppError =>
  new AppError(code, 409, text, { details });
