import { DomainError } from '@qianke/core/shared/domain-error';

/**
 * The `nextCursor` of a list sorted newest first: the last row's time to the microsecond (as the
 * database printed it) and its id, so the next page starts exactly after it even when times tie.
 */
export type KeysetPosition = { position: string; id: string };

export const encodeCursor = (row: KeysetPosition): string =>
  Buffer.from(JSON.stringify([row.position, row.id])).toString('base64url');

export const decodeCursor = (cursor: string): KeysetPosition => {
  try {
    const [position, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof position === 'string' &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(position) &&
      typeof id === 'string' &&
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
    ) {
      return { position, id };
    }
  } catch {
    // not JSON or not base64: the error below
  }
  throw new DomainError(
    'validation_failed',
    'This page link is no longer valid: start from the first page.',
    {
      fields: { cursor: 'Not a cursor of this list.' },
    },
  );
};
