import { z } from 'zod';
import { ZId, ZVersion } from './common';

export const SOURCE_TIERS = ['channel', 'source', 'sub_source'] as const;
export const ZSourceTier = z.enum(SOURCE_TIERS);

/** Stable identifier that intake adapters, imports and reports use: never changes once made. */
export const ZSourceCode = z
  .string()
  .trim()
  .toLowerCase()
  .max(40, { message: 'Use at most 40 characters.' })
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, {
    message: 'Lower-case letters, digits and single underscores, starting with a letter, e.g. douyin_live.',
  });

export const ZSourceName = z
  .string()
  .trim()
  .min(1, { message: 'Enter the name.' })
  .max(40, { message: 'Use at most 40 characters.' });

export const ZSourceSort = z.number().int().min(0).max(1_000_000);

export const ZSourceNode = z
  .object({
    id: ZId,
    parentId: ZId.nullable(),
    tier: ZSourceTier,
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    active: z.boolean(),
    sort: z.number().int(),
    version: ZVersion,
  })
  .meta({ id: 'LeadSource' });
export type TSourceNode = z.infer<typeof ZSourceNode>;

/** A source with its sub-sources. */
export const ZSourceBranch = ZSourceNode.extend({ children: z.array(ZSourceNode) }).meta({
  id: 'LeadSourceBranch',
});
export type TSourceBranch = z.infer<typeof ZSourceBranch>;

/** A channel with its sources and their sub-sources. */
export const ZSourceChannel = ZSourceNode.extend({ children: z.array(ZSourceBranch) }).meta({
  id: 'LeadSourceChannel',
});
export type TSourceChannel = z.infer<typeof ZSourceChannel>;

export const ZSourceTree = z.object({ items: z.array(ZSourceChannel) }).meta({
  id: 'LeadSourceTree',
  description: 'Channels in their order, each with its sources and sub-sources',
});
export type TSourceTree = z.infer<typeof ZSourceTree>;

export const ZCreateSourceRequest = z.object({
  parentId: ZId.nullish().meta({ description: 'The node one tier up; none for a new channel' }),
  code: ZSourceCode,
  nameZh: ZSourceName,
  nameEn: ZSourceName,
  sort: ZSourceSort.optional().meta({
    description: 'Position among its siblings; after the last one if left out',
  }),
});
export type TCreateSourceRequest = z.infer<typeof ZCreateSourceRequest>;

export const ZUpdateSourceRequest = z.object({
  version: ZVersion,
  nameZh: ZSourceName.optional(),
  nameEn: ZSourceName.optional(),
  sort: ZSourceSort.optional(),
  active: z.boolean().optional(),
});
export type TUpdateSourceRequest = z.infer<typeof ZUpdateSourceRequest>;
