import { ArrowDownOutlined, ArrowUpOutlined, PlusOutlined } from '@ant-design/icons';
import type { TSourceNode } from '@qianke/contracts/sources';
import {
  Alert,
  App,
  Button,
  Flex,
  Skeleton,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { useLanguage } from '@/lib/i18n/use-language';
import { useSources } from '../api/get-sources';
import { useUpdateSource } from '../api/update-source';
import { SourceFormModal, type SourceFormTarget } from './source-form-modal';

type Row = TSourceNode & { children?: Row[] };

/** The tree as table rows; leaves carry no `children`, so the table shows no expander for them. */
const rowsOf = (nodes: readonly (TSourceNode & { children?: readonly TSourceNode[] })[]): Row[] =>
  nodes.map(({ children, ...node }) =>
    children && children.length > 0 ? { ...node, children: rowsOf(children) } : node,
  );

/** The store's source tree for the administrator: add, rename, reorder, deactivate (never delete). */
export const SourceTreeEditor = () => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const sources = useSources();
  const update = useUpdateSource();
  const [target, setTarget] = useState<SourceFormTarget | null>(null);
  const rows = useMemo(() => rowsOf(sources.data?.items ?? []), [sources.data]);

  const siblingsOf = (node: Row): Row[] => {
    if (node.parentId === null) return rows;
    const find = (list: Row[]): Row[] | undefined => {
      for (const row of list) {
        if (row.id === node.parentId) return row.children ?? [];
        const below = find(row.children ?? []);
        if (below) return below;
      }
      return undefined;
    };
    return find(rows) ?? [];
  };

  const failed = (error: unknown) =>
    void message.error(
      hasErrorCode(error, 'stale_version') ? t('sources.stale') : describeApiError(error, t),
    );

  /** Swaps the positions of a node and its neighbour (equal positions are spread apart first). */
  const move = async (node: Row, step: -1 | 1) => {
    const siblings = siblingsOf(node);
    const index = siblings.findIndex((s) => s.id === node.id);
    const other = siblings[index + step];
    if (!other) return;
    const [nodeSort, otherSort] =
      other.sort === node.sort ? [node.sort + step, node.sort] : [other.sort, node.sort];
    try {
      await update.mutateAsync({ id: node.id, body: { version: node.version, sort: nodeSort } });
      await update.mutateAsync({ id: other.id, body: { version: other.version, sort: otherSort } });
    } catch (error) {
      failed(error);
    }
  };

  const toggle = (node: Row, active: boolean) =>
    update.mutate(
      { id: node.id, body: { version: node.version, active } },
      {
        onSuccess: () =>
          void message.success(
            t(active ? 'sources.activated' : 'sources.deactivated', { name: node.nameZh }),
          ),
        onError: failed,
      },
    );

  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('sources.name'),
      render: (_, node) => (
        <Space size={8}>
          <Typography.Text delete={!node.active} data-testid={`source-row-${node.code}`}>
            {language === 'en' ? node.nameEn : node.nameZh}
          </Typography.Text>
          <Typography.Text type="secondary">{language === 'en' ? node.nameZh : node.nameEn}</Typography.Text>
        </Space>
      ),
    },
    {
      key: 'code',
      dataIndex: 'code',
      title: t('sources.code'),
      render: (code: string) => <code>{code}</code>,
    },
    {
      key: 'tier',
      dataIndex: 'tier',
      title: t('sources.tier'),
      render: (tier: TSourceNode['tier']) => <Tag>{t(`sources.tiers.${tier}`)}</Tag>,
    },
    {
      key: 'order',
      title: t('sources.order'),
      render: (_, node) => {
        const siblings = siblingsOf(node);
        const index = siblings.findIndex((s) => s.id === node.id);
        return (
          <Space size={0}>
            <Button
              type="text"
              size="small"
              icon={<ArrowUpOutlined />}
              disabled={index <= 0}
              onClick={() => void move(node, -1)}
              aria-label={t('sources.moveUp')}
            />
            <Button
              type="text"
              size="small"
              icon={<ArrowDownOutlined />}
              disabled={index < 0 || index >= siblings.length - 1}
              onClick={() => void move(node, 1)}
              aria-label={t('sources.moveDown')}
            />
          </Space>
        );
      },
    },
    {
      key: 'active',
      title: t('sources.active'),
      render: (_, node) => (
        <Switch
          size="small"
          checked={node.active}
          onChange={(active) => toggle(node, active)}
          aria-label={t('sources.active')}
          data-testid={`source-active-${node.code}`}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, node) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setTarget({ mode: 'rename', node })}>
            {t('sources.rename')}
          </Button>
          {node.tier !== 'sub_source' && (
            <Button
              type="link"
              size="small"
              onClick={() => setTarget({ mode: 'add', parent: node })}
              data-testid={`source-add-under-${node.code}`}
            >
              {t('sources.addChild')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (sources.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (sources.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={describeApiError(sources.error, t)}
        action={
          <Button size="small" onClick={() => void sources.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Text type="secondary">{t('sources.intro')}</Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setTarget({ mode: 'add', parent: null })}
          data-testid="source-add-channel"
        >
          {t('sources.addChannel')}
        </Button>
      </Flex>
      <Table<Row>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={update.isPending}
        scroll={{ x: 'max-content' }}
        data-testid="sources-table"
      />
      <SourceFormModal target={target} onClose={() => setTarget(null)} />
    </Flex>
  );
};
