/**
 * `Idempotency-Key` (intake API): a sender that retries a request names it with a key; the same key
 * with the same request within 24 hours gets the first answer again, and no second lead. "The same
 * request" is decided on a canonical text of it, so `{"a":1,"b":2}` and `{ "b": 2, "a": 1 }` are one.
 */
export const IDEMPOTENCY_WINDOW_HOURS = 24;

export const IDEMPOTENCY_KEY_MAX = 100;

/** 1-100 printable ASCII characters (space included, but not only spaces). */
export const idempotencyKeyProblem = (key: string): string | undefined => {
  if (
    key.length === 0 ||
    key.length > IDEMPOTENCY_KEY_MAX ||
    !/^[\x20-\x7e]+$/.test(key) ||
    key.trim() === ''
  ) {
    return `Use 1-${IDEMPOTENCY_KEY_MAX} printable ASCII characters, e.g. a UUID or the lead's id in your system.`;
  }
  return undefined;
};

/** A key first used at or before this moment is treated as new (and may be overwritten). */
export const idempotencyWindowStart = (now: Date): Date =>
  new Date(now.getTime() - IDEMPOTENCY_WINDOW_HOURS * 3_600_000);

/**
 * JSON with object keys sorted at every level and no white space. Arrays keep their order; keys whose
 * value is undefined are left out, as JSON.stringify does; numbers are written as JSON writes them.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
};

/**
 * What is hashed to recognise a request: the route, its query and its body. The same key sent to two
 * routes, or with two `?source=` values, is two different requests.
 */
export const requestFingerprintText = (request: {
  route: string;
  query?: Record<string, unknown>;
  body: unknown;
}): string => canonicalJson({ route: request.route, query: request.query ?? {}, body: request.body });
