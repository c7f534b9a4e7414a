import { isSelectable } from '../customers/source-tree';

/**
 * Intake senders name a lead's source as they know it: the stable code of the store's source tree
 * (`autohome`, `brand_website`, `hotline_400`), or its Chinese or English name (`汽车之家`, `Autohome`).
 */
export type SourceRef = {
  id: string;
  parentId: string | null;
  code: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
};

/** Case, width, spaces, dashes, dots and underscores do not matter: `Brand website` = `brand_website`. */
export const sourceKey = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-·.]+/g, '');

/** The node and every node above it, root first. */
export const sourcePathOf = (tree: readonly SourceRef[], node: SourceRef): SourceRef[] =>
  pathVia(new Map(tree.map((n) => [n.id, n])), node);

const pathVia = (byId: ReadonlyMap<string, SourceRef>, node: SourceRef): SourceRef[] => {
  const path = [node];
  let current = node;
  for (let depth = 0; current.parentId !== null && depth < 10; depth++) {
    const parent = byId.get(current.parentId);
    if (!parent) break;
    path.unshift(parent);
    current = parent;
  }
  return path;
};

/** A source that may be given to a new lead: it and every node above it are active. */
const selectableNodes = (tree: readonly SourceRef[]): SourceRef[] => {
  // One index of the tree for every node's path (a store's tree has a hundred nodes, and every
  // intake request asks).
  const byId = new Map(tree.map((n) => [n.id, n]));
  return tree.filter((node) => isSelectable(pathVia(byId, node)));
};

/**
 * The source a sender means: its code exactly (case aside) first, then a code or a Chinese or English
 * name spelled loosely. Deactivated sources (or under a deactivated branch) are not offered.
 */
export const findSource = (tree: readonly SourceRef[], text: string): SourceRef | undefined => {
  const nodes = selectableNodes(tree);
  const wanted = text.trim().toLowerCase();
  if (!wanted) return undefined;
  const byCode = nodes.find((node) => node.code.toLowerCase() === wanted);
  if (byCode) return byCode;
  const key = sourceKey(text);
  return nodes.find((node) => [node.code, node.nameZh, node.nameEn].some((name) => sourceKey(name) === key));
};

/** Codes shown in the message for an unknown source: the ones intake senders use most, then any. */
const USUAL_INTAKE_CODES = [
  'autohome',
  'dongchedi',
  'yiche',
  'brand_website',
  'hotline_400',
  'douyin',
  'phone_in',
  'walk_in',
];

export const sampleSourceCodes = (tree: readonly SourceRef[], count = 6): string[] => {
  const codes = selectableNodes(tree).map((node) => node.code);
  const usual = USUAL_INTAKE_CODES.filter((code) => codes.includes(code));
  return [...new Set([...usual, ...codes])].slice(0, count);
};

/**
 * How a lead reached the store (leads.channel), from where its source sits in the tree: the channel's
 * code, with the online channel split by kind (portal, website, online_order, social).
 */
export const leadChannelOf = (pathCodes: readonly string[]): string => {
  const [root] = pathCodes;
  if (root === undefined) return 'other';
  if (root === 'online') {
    if (pathCodes.includes('online_portal')) return 'portal';
    if (pathCodes.includes('brand_website')) return 'website';
    if (pathCodes.includes('online_order')) return 'online_order';
    if (pathCodes.includes('online_social')) return 'social';
    return 'online';
  }
  const renamed: Record<string, string> = { owned_base: 'owner_base', employee_purchase: 'employee' };
  return renamed[root] ?? root;
};

/** The channel of a source of the tree. */
export const channelOfSource = (tree: readonly SourceRef[], source: SourceRef): string =>
  leadChannelOf(sourcePathOf(tree, source).map((node) => node.code));
