import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from '../errors';
import { translateDbError } from '../db/errors';
import type { LocalizedIssueParams } from './query-dates';

/** RFC 9457 problem details, with the platform's stable `code` and field errors. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string(), value: z.unknown().optional() }))
      .optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Problem' });

export type Lang = 'zh' | 'en';

/** zh unless the client prefers English (Accept-Language, or ?lang=en). */
export function requestLang(request: FastifyRequest): Lang {
  const query = request.query as { lang?: unknown } | undefined;
  if (query && (query.lang === 'en' || query.lang === 'zh')) return query.lang;
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

const zodIssueText = (code: string): string => {
  const zh: Record<string, string> = {
    invalid_type: '类型不正确',
    too_small: '过短或过小',
    too_big: '过长或过大',
    unrecognized_keys: '包含未知字段',
    invalid_format: '格式不正确',
    invalid_value: '取值不在允许范围内',
    custom: '取值无效',
  };
  return zh[code] ?? '取值无效';
};

/** A custom issue that carries its own code and reason (`query-dates.ts`). */
function localizedIssue(params: unknown): LocalizedIssueParams | null {
  if (typeof params !== 'object' || params === null) return null;
  const { code, text } = params as Partial<LocalizedIssueParams>;
  return typeof code === 'string' && typeof text?.zh === 'string' && typeof text.en === 'string'
    ? (params as LocalizedIssueParams)
    : null;
}

function toAppError(error: unknown): AppError {
  const translated = translateDbError(error);
  if (translated instanceof AppError) return translated;
  if (hasZodFastifySchemaValidationErrors(translated)) {
    const where = translated.validationContext ?? 'body';
    const errors: FieldError[] = translated.validation.map((v) => {
      const params = v.params as { keys?: string[]; expected?: unknown; params?: unknown };
      const path = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
      const localized = localizedIssue(params.params);
      if (localized) {
        const value = localized.value !== undefined ? { value: localized.value } : {};
        return { field: path, code: localized.code, message: localized.text, ...value };
      }
      const keys = params.keys?.length ? `: ${params.keys.join(', ')}` : '';
      const missing = v.keyword === 'invalid_type' && /received undefined/.test(v.message ?? '');
      if (missing) return { field: path, code: 'required', message: { zh: '必填项缺失', en: 'required' } };
      const text = zodIssueText(v.keyword);
      return { field: path, code: v.keyword, message: { zh: text + keys, en: (v.message ?? 'invalid value') + keys } };
    });
    return new AppError(
      'validation_failed',
      400,
      {
        zh: `请求有误：${errors.map((e) => `${e.field} ${e.message.zh}`).join('；')}`,
        en: `Invalid request: ${errors.map((e) => `${e.field}: ${e.message.en}`).join('; ')}`,
      },
      { errors },
    );
  }
  const fastifyError = translated as FastifyError;
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return new AppError('request.body_too_large', 413, {
      zh: '请求体过大，请缩小后重试或改用文件分批上传',
      en: 'Request body too large; send less or split it into batches',
    });
  }
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new AppError('request.unsupported_media_type', 415, {
      zh: '不支持的内容类型，请使用 application/json',
      en: 'Unsupported content type; send application/json',
    });
  }
  if (
    fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
    fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
    (fastifyError.statusCode === 400 && fastifyError.name === 'SyntaxError')
  ) {
    return new AppError('request.malformed_json', 400, {
      zh: '请求体不是有效的 JSON',
      en: 'The request body is not valid JSON',
    });
  }
  if (fastifyError.statusCode === 429) {
    return new AppError('request.rate_limited', 429, {
      zh: '请求过于频繁，请稍后再试',
      en: 'Too many requests; try again later',
    });
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return new AppError(`request.${(fastifyError.code ?? 'bad_request').toLowerCase()}`, fastifyError.statusCode, {
      zh: '请求无效',
      en: fastifyError.message,
    });
  }
  if (isResponseSerializationError(translated)) {
    return new AppError('internal.response_shape', 500, { zh: '服务器内部错误', en: 'Internal server error' });
  }
  return new AppError('internal', 500, {
    zh: '服务器内部错误，请稍后重试；如持续出现请联系平台管理员',
    en: 'Internal server error; try again later and contact the platform administrator if it persists',
  });
}

/** The one error handler: every failure leaves as problem+json, 5xx without internals. */
export function problemHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = toAppError(error);
  const lang = requestLang(request);
  if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
  const body = {
    type: `https://xinyong.dev/problems/${appError.code}`,
    title: appError.text[lang],
    status: appError.status,
    code: appError.code,
    instance: request.url,
    requestId: request.id,
    ...(appError.errors
      ? {
          errors: appError.errors.map((e) => ({
            field: e.field,
            code: e.code,
            message: e.message[lang],
            ...(e.value !== undefined ? { value: e.value } : {}),
          })),
        }
      : {}),
    ...(appError.details && appError.status < 500 ? { details: appError.details } : {}),
  };
  return reply.status(appError.status).type('application/problem+json').send(body);
}
