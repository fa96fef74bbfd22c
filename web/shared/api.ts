import { currentLanguage } from './i18n';

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

/** Sends one JSON request to the platform and returns the parsed body as `T`. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
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

export function apiGet<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T> {
  return request<T>('GET', path, options);
}

export function apiPost<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T> {
  return request<T>('POST', path, { ...options, body });
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
