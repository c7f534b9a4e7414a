import type { TSourceNode } from '@qianke/contracts/sources';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSourceTree } from '../api/get-source-tree';

type TreeNode = { value: string; title: string; children?: TreeNode[] };
type Node = TSourceNode & { children?: Node[] };

type DefaultSourceSelectProps = {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
};

/** The source of rows without one: any active node of the store's source tree, searchable by name. */
export const DefaultSourceSelect = ({ value, onChange }: DefaultSourceSelectProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const tree = useSourceTree();
  const treeData = useMemo(() => {
    const toNode = (node: Node): TreeNode | null => {
      if (!node.active) return null;
      const children = (node.children ?? []).map(toNode).filter((child): child is TreeNode => child !== null);
      const title = language === 'en' ? node.nameEn : node.nameZh;
      return { value: node.id, title, ...(children.length > 0 ? { children } : {}) };
    };
    return ((tree.data?.items ?? []) as Node[]).map(toNode).filter((node): node is TreeNode => node !== null);
  }, [tree.data, language]);

  return (
    <TreeSelect<string>
      value={value}
      onChange={(next) => onChange(next ?? undefined)}
      treeData={treeData}
      loading={tree.isPending}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      placeholder={t('imports.mapping.defaultSourcePlaceholder')}
      style={{ width: 280 }}
      popupMatchSelectWidth={false}
      data-testid="mapping-default-source"
    />
  );
};
