import type { TCustomerSort } from '@qianke/contracts/customers';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { Keyset, SortOrder } from './customer-list.repo';

/**
 * The `nextCursor` of the customer list: the sort it belongs to, and the sort key and id of the last row
 * of the page, as an opaque URL-safe string.
 */
type CursorBody = { s: TCustomerSort; o: SortOrder; k: string; i: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A timestamptz as PostgreSQL writes it as text (`2026-11-25 07:00:00.123456+00`), or a sentinel. */
const TIMESTAMP =
  /^(?:-?infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{1,6})?[+-]\d{2}(?::\d{2}){0,2})$/;

const KEY_SHAPES: Record<TCustomerSort, (key: string) => boolean> = {
  createdAt: (key) => TIMESTAMP.test(key),
  nextContactAt: (key) => TIMESTAMP.test(key),
  name: () => true,
  level: (key) => /^-?\d{1,2}$/.test(key),
};

export const encodeCursor = (sort: TCustomerSort, order: SortOrder, keyset: Keyset): string =>
  Buffer.from(
    JSON.stringify({ s: sort, o: order, k: keyset.key, i: keyset.id } satisfies CursorBody),
  ).toString('base64url');

const outdated = () => {
  const message = 'This page link is out of date: start again from the first page.';
  return new DomainError('validation_failed', message, { fields: { cursor: message } });
};

export const decodeCursor = (cursor: string, sort: TCustomerSort, order: SortOrder): Keyset => {
  let body: Partial<CursorBody>;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorBody>;
  } catch {
    throw outdated();
  }
  if (body.s !== sort || body.o !== order || typeof body.k !== 'string' || typeof body.i !== 'string')
    throw outdated();
  if (!UUID.test(body.i) || !KEY_SHAPES[sort](body.k)) throw outdated();
  return { key: body.k, id: body.i };
};
