import { stdSerializers } from 'pino';
import { pgErrorOf } from '../db/pg-errors';

/**
 * How an error is written to the log. A failed query is logged with its message, SQLSTATE and SQL
 * text, never its parameters: those are the usernames, phones and names people typed. Drizzle puts
 * them into the message (`params: ...`) and the driver may quote them in its message or `detail`, so
 * the parameters are dropped, `detail`/`where`/`hint` left out and any parameter value still quoted
 * in a message or stack is masked. Other errors are logged as pino logs them.
 */
export const serializeError = (error: Error): LoggedError => {
  // Whatever was logged under `err`, even if it is not an Error, is written as it is.
  if (!(error instanceof Error)) return error as unknown as LoggedError;
  const params = paramsOf(error);
  if (params.length === 0 && !pgErrorOf(error)) return stdSerializers.err(error);
  // Longest first, so a value that contains another is masked whole.
  const values = [...new Set(params)].sort((a, b) => b.length - a.length);
  const mask = (text: string) => values.reduce((masked, value) => masked.replaceAll(value, MASK), text);
  return describeQueryError(error as LooseError, mask, 0);
};

const MASK = '[param]';
/** Shorter values ("1", "A") are not masked: they would garble the SQL text, and identify nobody. */
const MIN_MASKED_LENGTH = 3;
/** The driver's fields worth logging; `detail`, `where` and `hint` may quote a row's values. */
const DRIVER_FIELDS = ['code', 'severity', 'schema', 'table', 'column', 'constraint', 'routine'] as const;
const MAX_DEPTH = 5;

type LooseError = Error & Record<string, unknown>;
/** What pino writes for an error (the shape of its `err` serializer's answer). */
type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

/** The parameters of every failed query in the error and its causes, as text. */
const paramsOf = (error: Error): string[] => {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) add(item);
    else if (value !== null && value !== undefined) {
      const text = value instanceof Date ? value.toISOString() : String(value);
      if (text.length >= MIN_MASKED_LENGTH) found.push(text);
    }
  };
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && current instanceof Error; depth++) {
    const { params } = current as LooseError;
    if (Array.isArray(params)) add(params);
    current = current.cause;
  }
  return found;
};

/** Drizzle's message is `Failed query: <sql>\nparams: <values>`: keep the SQL, drop the values. */
const messageOf = (error: LooseError) =>
  typeof error.query === 'string' && Array.isArray(error.params)
    ? error.message.replace(/\nparams: [\s\S]*$/, '')
    : error.message;

const describeQueryError = (
  error: LooseError,
  mask: (text: string) => string,
  depth: number,
): LoggedError => {
  const message = messageOf(error);
  const described: LoggedError = {
    type: error.constructor?.name ?? error.name,
    message: mask(message),
    stack: mask((error.stack ?? '').replace(error.message, message)),
  };
  if (typeof error.query === 'string') described.query = mask(error.query);
  for (const field of DRIVER_FIELDS) {
    if (typeof error[field] === 'string') described[field] = mask(error[field] as string);
  }
  if (error.cause instanceof Error && depth < MAX_DEPTH) {
    described.cause = describeQueryError(error.cause as LooseError, mask, depth + 1);
  }
  return described;
};
