import { z } from 'zod';
import { ZId, ZTimeZone, ZVersion } from './common';

export const ZStoreCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,15}$/, { message: '2-16 letters, digits or dashes, e.g. SH-001.' });

export const ZStoreName = z
  .string()
  .trim()
  .min(2, { message: 'Enter the store name.' })
  .max(80, { message: 'Use at most 80 characters.' });

export const ZStore = z
  .object({
    id: ZId,
    groupId: ZId,
    groupName: z.string(),
    name: z.string(),
    code: z.string(),
    timeZone: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Store' });
export type TStore = z.infer<typeof ZStore>;

export const ZStoreList = z.object({ items: z.array(ZStore) }).meta({ id: 'StoreList' });

export const ZUpdateStoreRequest = z.object({
  version: ZVersion,
  name: ZStoreName,
  code: ZStoreCode,
  timeZone: ZTimeZone,
});
export type TUpdateStoreRequest = z.infer<typeof ZUpdateStoreRequest>;
