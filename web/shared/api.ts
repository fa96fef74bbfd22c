import { currentLanguage } from './i18n';
import type { components, paths } from './api-schema';

/** An RFC 9457 problem document as the platform renders it. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  /** Field errors: `field` is the dotted path the platform names, e.g. `querystring.from`. */
  errors?: ReadonlyArray<{ field: string; code: string; message: string; value?: unknown }>;
}

/** Codes the client itself produces when there is no problem document to read. */
export const clientErrorCodes = {
  network: 'client.network',
  badResponse: 'client.bad_response',
} as const;

/**
 * Every failed call rejects with this, so screens branch on the stable `code`
 * and show `title`/`detail`, which the server has already localised.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string | undefined;
  readonly errors: Problem['errors'];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
    this.errors = problem.errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

// Kept in memory only: a token in storage would outlive the session and be readable by any script.
let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Lets the console drop its session when any call finds the session gone (401). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.title === 'string' && typeof candidate.code === 'string';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/.test(contentType)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  if (isProblem(body)) return new ApiError({ ...body, status: body.status || response.status });
  // A proxy or crash page rather than the platform: keep the status, invent a stable code.
  return new ApiError({
    status: response.status,
    code: `http.${response.status}`,
    title: response.statusText || `HTTP ${response.status}`,
  });
}

/** Sends one JSON request to the platform and returns the parsed body as `T` (typed by `callApi`). */
async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': currentLanguage(),
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: clientErrorCodes.network, title: String(error) });
  }

  const body = await readBody(response);
  if (!response.ok) {
    const apiError = toApiError(response, body);
    if (apiError.status === 401) onUnauthorized?.();
    throw apiError;
  }
  if (typeof body === 'string') {
    throw new ApiError({ status: response.status, code: clientErrorCodes.badResponse, title: 'Expected JSON' });
  }
  return body as T;
}

// ---------------------------------------------------------------------------
// Typed by the server's schemas. `api-schema.d.ts` is generated from the
// platform's OpenAPI document (`npm run api:types`), so a call names its path
// exactly as the server routes it, and its query, body and answer are the
// server's own types: a server change that breaks a page fails `npm run check`.

/** The HTTP methods the platform's routes use. */
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Every path of the API, as the server routes it (`/api/v1/records/{id}`). */
export type ApiPath = keyof paths;

/** The paths that answer `M`. */
export type PathsWith<M extends ApiMethod> = {
  [P in ApiPath]: paths[P] extends Record<M, object> ? P : never;
}[ApiPath];

/** A named schema of the API (`Schema<'PublicRecord'>`). */
export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<paths[P][M]>;
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** The JSON a successful call answers (the union of its 2xx bodies; `undefined` for an empty answer). */
export type ResponseOf<P extends ApiPath, M extends ApiMethod> = JsonContent<
  Operation<P, M>['responses'][Extract<keyof Operation<P, M>['responses'], SuccessStatus>]
>;

/** The query string a call accepts. */
export type QueryOf<P extends ApiPath, M extends ApiMethod> = NonNullable<Operation<P, M>['parameters']['query']>;

/** The path parameters a call needs (`{ id: string }` for `/api/v1/records/{id}`). */
export type PathParamsOf<P extends ApiPath, M extends ApiMethod> = NonNullable<Operation<P, M>['parameters']['path']>;

/** The JSON body a call sends. */
export type BodyOf<P extends ApiPath, M extends ApiMethod> = JsonContent<NonNullable<Operation<P, M>['requestBody']>>;

type ParamsOption<O> = O extends { parameters: { path: infer Params } } ? { params: Params } : { params?: never };
type QueryOption<O> = O extends { parameters: { query: infer Query } }
  ? { query: Query }
  : O extends { parameters: { query?: infer Query } }
    ? { query?: Query }
    : { query?: never };
type BodyOption<O> = O extends { requestBody: infer Body }
  ? { body: JsonContent<Body> }
  : O extends { requestBody?: infer Body }
    ? [Body] extends [undefined]
      ? { body?: never }
      : { body?: JsonContent<NonNullable<Body>> }
    : { body?: never };

/** What a typed call takes besides its method and path; required exactly when something in it is. */
export type CallOptions<P extends ApiPath, M extends ApiMethod> = ParamsOption<Operation<P, M>> &
  QueryOption<Operation<P, M>> &
  BodyOption<Operation<P, M>> & { signal?: AbortSignal | undefined };

type CallArgs<P extends ApiPath, M extends ApiMethod> =
  object extends CallOptions<P, M> ? [options?: CallOptions<P, M>] : [options: CallOptions<P, M>];

/** `/api/v1/records/{id}` with `{ id }` filled in, each value URL-encoded. */
function fillPath(path: string, params: Partial<Record<string, string | number>> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}

/** The names in a path's braces: `'id' | 'format'` for `/api/v1/ingest/batches/{id}/errors.{format}`. */
type PathParamNames<P extends string> = P extends `${string}{${infer Name}}${infer Rest}`
  ? Name | PathParamNames<Rest>
  : never;

/**
 * The URL of an API path with its parameters filled in, for what does not go
 * through `callApi` (a download link, an upload through XMLHttpRequest): the
 * path must still be one the server routes.
 */
export function apiUrl<P extends ApiPath>(
  path: P,
  params: Record<PathParamNames<P>, string | number>,
  query?: RequestOptions['query'],
): string {
  return buildUrl(fillPath(path, params), query);
}

/**
 * One call typed by its path and method, through the same fetch wrapper as
 * `request()` (CSRF token, Accept-Language, problem documents, the 401 hook):
 * `callApi('get', '/api/v1/records/{id}', { params: { id }, signal })`.
 */
export function callApi<M extends ApiMethod, P extends PathsWith<M>>(
  method: M,
  path: P,
  ...[options]: CallArgs<P, M>
): Promise<ResponseOf<P, M>> {
  // The types above did the checking; here the options are plain data.
  const { params, query, body, signal } =
    (options as unknown as
      | {
          params?: Partial<Record<string, string | number>>;
          query?: RequestOptions['query'];
          body?: unknown;
          signal?: AbortSignal | undefined;
        }
      | undefined) ?? {};
  return request<ResponseOf<P, M>>(method.toUpperCase(), fillPath(path, params), {
    ...(query ? { query } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(signal ? { signal } : {}),
  });
}

/**
 * The headers `request()` sends, for a request made by hand: an upload goes
 * through XMLHttpRequest because fetch cannot report upload progress.
 */
export function platformHeaders(method: string): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'accept-language': currentLanguage(),
  };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return headers;
}

/** The ApiError a hand-made request's failed answer stands for (a 401 drops the session, as in `request()`). */
export function apiErrorOf(status: number, statusText: string, contentType: string, text: string): ApiError {
  let body: unknown = text;
  if (/\bjson\b/.test(contentType)) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = text;
    }
  }
  const error = isProblem(body)
    ? new ApiError({ ...body, status: body.status || status })
    : new ApiError({ status, code: status === 0 ? clientErrorCodes.network : `http.${status}`, title: statusText });
  if (error.status === 401) onUnauthorized?.();
  return error;
}
