import type { SourceTier } from './default-sources';

/**
 * Rules of the per-store source tree (DOMAIN §2): channel -> source -> sub-source. A node sits one tier
 * below its parent; nodes are deactivated, never deleted, since leads keep pointing at them.
 */
const CHILD_TIER: Record<SourceTier, SourceTier | null> = {
  channel: 'source',
  source: 'sub_source',
  sub_source: null,
};

/** The tier of a new node under `parentTier` (a channel without a parent); null when it may have no children. */
export const childTierOf = (parentTier: SourceTier | null): SourceTier | null =>
  parentTier === null ? 'channel' : CHILD_TIER[parentTier];

/** Room left between siblings, so one can be slotted in later without renumbering. */
export const SORT_STEP = 10;

export const nextSortAfter = (siblingSorts: readonly number[]): number =>
  siblingSorts.length === 0 ? SORT_STEP : Math.max(...siblingSorts) + SORT_STEP;

/** A lead may be given a source only while it and every node above it are active. */
export const isSelectable = (path: readonly { active: boolean }[]): boolean =>
  path.every((node) => node.active);
