import { PlusOutlined } from '@ant-design/icons';
import type { TApiKey } from '@qianke/contracts/intake';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Grid,
  Popconfirm,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useApiKeys } from '../api/get-api-keys';
import { useRevokeApiKey } from '../api/revoke-api-key';
import { CreateApiKeyModal } from './create-api-key-modal';

type ApiKeysListProps = {
  /** Times are shown in the store's time zone. */
  timeZone: string;
};

/** The store's intake API keys, masked; a key in use can be revoked, a new one made. */
export const ApiKeysList = ({ timeZone }: ApiKeysListProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const keysQuery = useApiKeys();
  const revokeKey = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const pinActions = Grid.useBreakpoint().md === true;

  const dateCell = (iso: string | null) =>
    formatDateTime(iso, timeZone, language) ?? (
      <Typography.Text type="secondary">{t('common.never')}</Typography.Text>
    );

  const revoke = async (key: TApiKey) => {
    try {
      await revokeKey.mutateAsync(key.id);
      void message.success(t('apiKeys.revoke.success', { name: key.name }));
    } catch (error) {
      void message.error(describeApiError(error, t));
    }
  };

  const columns: TableColumnsType<TApiKey> = [
    { key: 'name', dataIndex: 'name', title: t('apiKeys.columns.name') },
    {
      key: 'maskedKey',
      dataIndex: 'maskedKey',
      title: t('apiKeys.columns.key'),
      render: (masked: string) => <Typography.Text code>{masked}</Typography.Text>,
    },
    {
      key: 'createdAt',
      title: t('apiKeys.columns.createdAt'),
      render: (_, key) => (
        <Flex vertical>
          <span>{dateCell(key.createdAt)}</span>
          <Typography.Text type="secondary">{key.createdByName ?? t('apiKeys.demoKey')}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'lastUsedAt', dataIndex: 'lastUsedAt', title: t('apiKeys.columns.lastUsedAt'), render: dateCell },
    {
      key: 'status',
      title: t('apiKeys.columns.status'),
      render: (_, key) =>
        key.revokedAt ? (
          <Tag>{t('apiKeys.status.revoked', { at: formatDateTime(key.revokedAt, timeZone, language) })}</Tag>
        ) : (
          <Tag color="success">{t('apiKeys.status.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: pinActions ? 'right' : undefined,
      render: (_, key) =>
        key.revokedAt ? null : (
          <Popconfirm
            title={t('apiKeys.revoke.confirmTitle', { name: key.name })}
            description={t('apiKeys.revoke.confirmText')}
            okText={t('apiKeys.revoke.action')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, 'data-testid': 'revoke-api-key-confirm' }}
            onConfirm={() => revoke(key)}
          >
            <Button type="link" size="small" danger data-testid={`revoke-api-key-${key.id}`}>
              {t('apiKeys.revoke.action')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        <Typography.Text type="secondary" style={{ flex: '1 1 360px' }}>
          {t('apiKeys.intro')}
        </Typography.Text>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="create-api-key"
        >
          {t('apiKeys.create.button')}
        </Button>
      </Flex>

      {keysQuery.isError && (
        <Alert
          type="error"
          showIcon
          title={t('apiKeys.loadFailed')}
          description={describeApiError(keysQuery.error, t)}
          action={
            <Button size="small" onClick={() => void keysQuery.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}

      <Table<TApiKey>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={keysQuery.data?.items ?? []}
        loading={keysQuery.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apiKeys.empty')} />,
        }}
        data-testid="api-keys-table"
      />

      <CreateApiKeyModal open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
};
