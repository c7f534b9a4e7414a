/**
 * The one way the web app talks to the server: JSON over fetch, same-origin cookies, and every failure
 * turned into an ApiError carrying the server's `{ error: { code, message, fields, details } }`. No toasts and
 * no redirects here: callers decide what a failure means for the screen they own.
 */
export const API_BASE = '/api/v1';

export type ApiFieldErrors = Record<string, string>;

/** What the server adds to some errors for the screen to use, e.g. the booking a test drive clashes with. */
export type ApiErrorDetails = Record<string, unknown>;

/** Codes the server answers with, plus two the client adds when it never got a proper answer. */
export type ApiErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale_version'
  | 'rate_limited'
  | 'network_error'
  | 'unexpected_response'
  | (string & {});

type ApiErrorInit = {
  status: number;
  code: ApiErrorCode;
  message: string;
  fields?: ApiFieldErrors | undefined;
  details?: ApiErrorDetails | undefined;
  retryAfterSeconds?: number | undefined;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly fields: ApiFieldErrors | undefined;
  /** The error body's `details`, when the server sent an object. */
  readonly details: ApiErrorDetails | undefined;
  /** From the Retry-After header of a 429. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

export const hasErrorCode = (error: unknown, code: ApiErrorCode): error is ApiError =>
  isApiError(error) && error.code === code;

type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal | undefined;
};

export const buildUrl = (path: string, query?: Record<string, QueryValue>): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
};

/** Seconds from a Retry-After header, which is either a number of seconds or an HTTP date. */
export const parseRetryAfter = (header: string | null, now = Date.now()): number | undefined => {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
};

type ErrorBody = { error?: { code?: unknown; message?: unknown; fields?: unknown; details?: unknown } };

const isDetails = (value: unknown): value is ApiErrorDetails =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isFieldErrors = (value: unknown): value is ApiFieldErrors =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((message) => typeof message === 'string');

const toApiError = (response: Response, body: unknown): ApiError => {
  const error = (body as ErrorBody | undefined)?.error;
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  if (error && typeof error.code === 'string') {
    return new ApiError({
      status: response.status,
      code: error.code,
      message: typeof error.message === 'string' ? error.message : response.statusText,
      fields: isFieldErrors(error.fields) ? error.fields : undefined,
      details: isDetails(error.details) ? error.details : undefined,
      retryAfterSeconds,
    });
  }
  return new ApiError({
    status: response.status,
    code: response.status === 429 ? 'rate_limited' : 'unexpected_response',
    message: `${response.status} ${response.statusText}`.trim(),
    retryAfterSeconds,
  });
};

const readBody = async (response: Response): Promise<unknown> => {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export const apiRequest = async <T>(path: string, options: RequestOptions = {}): Promise<T> => {
  const { method = 'GET', body, query, signal } = options;
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.' });
  }

  const payload = await readBody(response);
  if (!response.ok) throw toApiError(response, payload);
  if (typeof payload === 'string') {
    throw new ApiError({
      status: response.status,
      code: 'unexpected_response',
      message: 'The server answered with something other than JSON.',
    });
  }
  return payload as T;
};

export const apiClient = {
  get: <T>(path: string, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body: unknown, options: Omit<RequestOptions, 'method' | 'body'> = {}) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
};
