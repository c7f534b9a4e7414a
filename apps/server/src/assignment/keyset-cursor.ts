import { DomainError } from '@qianke/core/shared/domain-error';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';

/**
 * The `nextCursor` of a list ordered by a timestamp and id: the timestamp exactly as the database holds
 * it (text, with microseconds) and the id of the last row, as an opaque URL-safe string. `tag` ties a
 * cursor to the list and order it came from.
 */
export type Keyset = { key: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What `keysetText` renders: UTC with microseconds. */
const UTC_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export const encodeKeyset = (tag: string, keyset: Keyset): string =>
  Buffer.from(JSON.stringify({ t: tag, k: keyset.key, i: keyset.id })).toString('base64url');

const outdated = () => {
  const message = 'This page link is out of date: start again from the first page.';
  return new DomainError('validation_failed', message, { fields: { cursor: message } });
};

export const decodeKeyset = (tag: string, cursor: string | undefined): Keyset | undefined => {
  if (cursor === undefined || cursor === '') return undefined;
  let body: { t?: unknown; k?: unknown; i?: unknown };
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof body;
  } catch {
    throw outdated();
  }
  if (body.t !== tag || typeof body.k !== 'string' || typeof body.i !== 'string') throw outdated();
  if (!UUID.test(body.i) || !UTC_MICROS.test(body.k)) throw outdated();
  return { key: body.k, id: body.i };
};

/** A timestamp column as cursor text: UTC with microseconds, the same whatever the session's zone. */
export const keysetText = (column: AnyColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
