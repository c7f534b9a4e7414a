import type { zhCN } from './zh-CN';

/** The shape every language file must have: the keys of the default language, each a string. */
export type Translation = typeof zhCN;
