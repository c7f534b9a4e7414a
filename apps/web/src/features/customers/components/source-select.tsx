import type { TSourceNode } from '@qianke/contracts/sources';
import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSourceTree } from '../api/get-source-options';
import { sourceName } from './customer-text';

type TreeNode = { value: string; title: string; disabled?: boolean; children?: TreeNode[] };

type SourceSelectProps = {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  /** A lead may use only active sources; a filter may look for old ones too. */
  mode: 'lead' | 'filter';
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
  id?: string;
};

/** Picks a node of the store's source tree (channel -> source -> sub-source); searchable by name and code. */
export const SourceSelect = ({
  value,
  onChange,
  mode,
  placeholder,
  style,
  id,
  ...rest
}: SourceSelectProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const tree = useSourceTree();
  const treeData = useMemo(() => {
    const toNode = (
      node: TSourceNode & { children?: TSourceNode[] },
      parentActive: boolean,
    ): TreeNode | null => {
      const active = parentActive && node.active;
      if (mode === 'lead' && !active) return null;
      const children = (node.children ?? [])
        .map((child) => toNode(child, active))
        .filter((child): child is TreeNode => child !== null);
      const title = `${sourceName(node, language)}${active ? '' : ` (${t('customers.sources.inactive')})`}`;
      return { value: node.id, title, ...(children.length > 0 ? { children } : {}) };
    };
    return (tree.data?.items ?? []).map((c) => toNode(c, true)).filter((c): c is TreeNode => c !== null);
  }, [tree.data, mode, language, t]);

  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(next) => onChange?.(next ?? undefined)}
      treeData={treeData}
      loading={tree.isPending}
      allowClear
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll={false}
      placeholder={placeholder ?? t('customers.fields.source')}
      style={style}
      popupMatchSelectWidth={false}
      data-testid={rest['data-testid']}
    />
  );
};
