import { z } from 'zod';

/** The one shape of every failure the API answers with. */
export const ZErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable machine-readable code, e.g. validation_failed' }),
      message: z.string().meta({ description: 'A sentence a person can act on' }),
      fields: z.record(z.string(), z.string()).optional().meta({
        description: 'Per-field messages, keyed by the field path (e.g. "roles" or "address.city")',
      }),
      details: z.record(z.string(), z.unknown()).optional().meta({
        description:
          'Machine-readable facts, e.g. the existing customer of a 409 duplicate_customer: { customerId, name, cardNo, ownerId, ownerName }',
      }),
    }),
  })
  .meta({ id: 'ErrorResponse' });
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZId = z.uuid({ message: 'Must be an id (uuid).' });

export const ZIdParams = z.object({ id: ZId });

/** Optimistic locking: every update names the version it read; a stale one is refused with 409. */
export const ZVersion = z.number().int().nonnegative();

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const ZOk = z.object({ ok: z.literal(true) });

export const isValidTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
};

export const ZTimeZone = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: 'Choose an IANA time zone such as Asia/Shanghai.' });
