import { z } from 'zod';
import { ZId, ZTimeZone, ZVersion } from './common';
import { HH_MM } from './follow-ups';

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
    opensAt: z.string().meta({ description: "Opening time, local 'HH:MM'" }),
    closesAt: z.string().meta({ description: "Closing time, local 'HH:MM'" }),
    unassignedAlertMinutes: z.number().int().meta({
      description: 'A lead without an owner alerts the manager after this many opening-hour minutes',
    }),
    version: z.number().int(),
  })
  .meta({ id: 'Store' });
export type TStore = z.infer<typeof ZStore>;

export const ZStoreList = z.object({ items: z.array(ZStore) }).meta({ id: 'StoreList' });

export const ZStoreTime = z.string().trim().regex(HH_MM, { message: 'A local time such as 09:00.' });

const ALERT_MINUTES = 'Enter a number of minutes from 1 to 1440.';
export const ZUnassignedAlertMinutes = z
  .number({ message: ALERT_MINUTES })
  .int({ message: ALERT_MINUTES })
  .min(1, { message: ALERT_MINUTES })
  .max(1440, { message: ALERT_MINUTES });

/** Opening hours and the alert limit are optional: left out, they stay as they are. */
export const ZUpdateStoreRequest = z.object({
  version: ZVersion,
  name: ZStoreName,
  code: ZStoreCode,
  timeZone: ZTimeZone,
  opensAt: ZStoreTime.optional(),
  closesAt: ZStoreTime.optional(),
  unassignedAlertMinutes: ZUnassignedAlertMinutes.optional(),
});
export type TUpdateStoreRequest = z.infer<typeof ZUpdateStoreRequest>;
