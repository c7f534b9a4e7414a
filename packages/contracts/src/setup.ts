import { z } from 'zod';
import { ZDisplayName, ZNewPassword, ZUsername } from './accounts';
import { ZTimeZone } from './common';
import { ZStoreCode, ZStoreName } from './stores';

/** What any visitor may know before logging in: whether this is a demo and whether set-up is due. */
export const ZAppMeta = z
  .object({
    demo: z.boolean(),
    setupNeeded: z.boolean(),
    db: z.enum(['pglite', 'postgres']),
    version: z.string(),
  })
  .meta({ id: 'AppMeta' });
export type TAppMeta = z.infer<typeof ZAppMeta>;

export const ZSetupRequest = z
  .object({
    groupName: ZStoreName,
    storeName: ZStoreName,
    storeCode: ZStoreCode,
    timeZone: ZTimeZone.default('Asia/Shanghai'),
    adminUsername: ZUsername,
    adminDisplayName: ZDisplayName,
    adminPassword: ZNewPassword,
  })
  .refine((s) => !s.adminPassword.toLowerCase().includes(s.adminUsername), {
    path: ['adminPassword'],
    message: 'The password must not contain the username.',
  });
export type TSetupRequest = z.infer<typeof ZSetupRequest>;

export const ZHealth = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']) });
