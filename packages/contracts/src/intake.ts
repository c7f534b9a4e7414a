import { normalisePhone } from '@qianke/core/customers/phone';
import { INTAKE_LIMITS } from '@qianke/core/intake/intake-lead';
import { IDEMPOTENCY_KEY_MAX } from '@qianke/core/intake/request-fingerprint';
import { z } from 'zod';
import { ZId } from './common';

const maxChars = (max: number) => ({ message: `Use at most ${max} characters.` });

/** An optional text: empty or blank counts as not given. */
const optionalText = (max: number) =>
  z
    .string({ message: 'Must be text.' })
    .trim()
    .max(max, maxChars(max))
    .nullish()
    .transform((value) => (value ? value : null));

// ---------------------------------------------------------------- API keys (admin screen)

export const ZApiKeyName = z
  .string()
  .trim()
  .min(1, { message: 'Name the key after who uses it, e.g. 汽车之家 or the brand website.' })
  .max(60, maxChars(60));

export const ZApiKey = z
  .object({
    id: ZId,
    name: z.string(),
    maskedKey: z.string().meta({ description: 'The first characters of the key and "…", e.g. `qk_Ab3d…`' }),
    createdAt: z.iso.datetime(),
    createdByName: z.string().nullable().meta({ description: 'Who made it; null for the demo key' }),
    lastUsedAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ApiKey' });
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZApiKeyList = z.object({ items: z.array(ZApiKey) }).meta({ id: 'ApiKeyList' });
export type TApiKeyList = z.infer<typeof ZApiKeyList>;

export const ZCreateApiKeyRequest = z.object({ name: ZApiKeyName });
export type TCreateApiKeyRequest = z.infer<typeof ZCreateApiKeyRequest>;

export const ZCreatedApiKey = ZApiKey.extend({
  key: z.string().meta({
    description: 'The whole key (`qk_` and 32 characters). Shown this once: only its SHA-256 is kept.',
  }),
}).meta({ id: 'CreatedApiKey' });
export type TCreatedApiKey = z.infer<typeof ZCreatedApiKey>;

// ---------------------------------------------------------------- Intake API (portals, website, 400 line)

export const ZIntakeHeaders = z.object({
  authorization: z.string().optional().meta({ description: '`Bearer <API key>` of the store' }),
  'idempotency-key': z
    .string()
    .optional()
    .meta({
      description: `1-${IDEMPOTENCY_KEY_MAX} printable characters. The same key with the same body within 24 hours answers the first answer again (header \`Idempotent-Replayed: true\`) and captures nothing twice; with another body it is refused (422).`,
    }),
});

export const ZIntakeLeadRequest = z
  .object({
    name: z
      .string({ message: "Send the customer's name." })
      .trim()
      .min(1, { message: "Send the customer's name." })
      .max(INTAKE_LIMITS.name, maxChars(INTAKE_LIMITS.name)),
    phone: z
      .string({
        error: (issue) =>
          issue.input === undefined || issue.input === null
            ? "Send the customer's phone number."
            : 'Send the phone number as text, e.g. "13800138000".',
      })
      .trim()
      .min(1, { message: "Send the customer's phone number." })
      .max(INTAKE_LIMITS.phone, maxChars(INTAKE_LIMITS.phone))
      .refine((phone) => normalisePhone(phone) !== undefined, {
        message:
          'Not a phone number we can call: send a mobile such as 13800138000 or a landline with its area code.',
      })
      .meta({ description: 'Any common spelling: `13800138000`, `+86 138-0013-8000`, `021 5888 1234`' }),
    source: z
      .string({ message: 'Send the source code, e.g. autohome.' })
      .trim()
      .min(1, { message: 'Send the source code, e.g. autohome.' })
      .max(INTAKE_LIMITS.source, maxChars(INTAKE_LIMITS.source))
      .meta({
        description:
          "A source code of the store's source tree (e.g. `autohome`, `brand_website`, `hotline_400`), or its Chinese or English name",
      }),
    seriesInterest: optionalText(INTAKE_LIMITS.seriesInterest).meta({
      description:
        'The car wanted, e.g. `秦PLUS` or `Qin PLUS`; a name not in the catalog is kept in the note',
    }),
    note: optionalText(INTAKE_LIMITS.note),
    campaignCode: optionalText(INTAKE_LIMITS.campaignCode),
    occurredAt: z.iso
      .datetime({
        offset: true,
        message: 'Send an ISO 8601 time with its zone, e.g. 2026-11-25T10:30:00+08:00.',
      })
      .nullish()
      .meta({ description: 'When the lead was made (ISO 8601 with zone); now when left out' }),
    externalId: optionalText(INTAKE_LIMITS.externalId).meta({
      description: "The lead's id in the sender's system",
    }),
  })
  .meta({ id: 'IntakeLead' });
export type TIntakeLeadRequest = z.infer<typeof ZIntakeLeadRequest>;

export const ZIntakeLeadResult = z
  .object({
    leadId: ZId,
    customerId: ZId,
    duplicate: z
      .boolean()
      .meta({ description: 'true: the phone was known, the lead was added to that customer' }),
  })
  .meta({ id: 'IntakeLeadResult' });
export type TIntakeLeadResult = z.infer<typeof ZIntakeLeadResult>;

export const ZAdfQuery = z.object({
  source: z
    .string()
    .optional()
    .meta({ description: 'Source code for prospects whose `<provider>` names no source of the store' }),
});

export const ZAdfRequest = z.string().meta({ description: 'An ADF 1.0 XML document, up to 1 MB' });

export const ZAdfProspectError = z.object({
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});

export const ZAdfProspectResult = z.union([
  z.object({ index: z.number().int(), leadId: ZId, customerId: ZId, duplicate: z.boolean() }),
  z.object({ index: z.number().int(), error: ZAdfProspectError }),
]);
export type TAdfProspectResult = z.infer<typeof ZAdfProspectResult>;

export const ZAdfResults = z
  .object({
    results: z.array(ZAdfProspectResult).meta({ description: 'One per `<prospect>`, in document order' }),
  })
  .meta({ id: 'AdfResults' });
export type TAdfResults = z.infer<typeof ZAdfResults>;
