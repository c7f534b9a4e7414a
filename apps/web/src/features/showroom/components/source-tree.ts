import type { TShowroomOptions } from '@qianke/contracts/showroom';
import type { Language } from '@/lib/i18n/language';
import { sourceName } from './showroom-text';

export type SourceTreeNode = { value: string; title: string; children?: SourceTreeNode[] };

/** The store's source tree (channel -> source -> sub-source) as a TreeSelect wants it. */
export const sourceTreeOf = (sources: TShowroomOptions['sources'], language: Language): SourceTreeNode[] => {
  const childrenOf = (parentId: string | null): SourceTreeNode[] =>
    sources
      .filter((source) => source.parentId === parentId)
      .map((source) => {
        const children = childrenOf(source.id);
        return {
          value: source.id,
          title: sourceName(source, language),
          ...(children.length > 0 ? { children } : {}),
        };
      });
  return childrenOf(null);
};
