import { PlusOutlined } from '@ant-design/icons';
import { isLeadChannel, type TAssignmentRule } from '@qianke/contracts/assignment';
import { Alert, App, Button, Empty, Flex, Switch, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useRules } from '../api/get-rules';
import { useSources } from '../api/get-sources';
import { useStoreUsers } from '../api/get-store-users';
import { useUpdateRule } from '../api/update-rule';
import { RuleFormModal } from './rule-form-modal';

/**
 * The store's automatic assignment rules (issue 4): by channel or source, fair rotation among the
 * people on duty in the rule's pool, a cap of open leads per person. Tried in order of priority.
 */
export const RulesList = ({ timeZone }: { timeZone: string }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const rules = useRules();
  const users = useStoreUsers();
  const sources = useSources();
  const update = useUpdateRule();
  const [editing, setEditing] = useState<TAssignmentRule | 'new' | null>(null);

  const userName = new Map((users.data?.items ?? []).map((user) => [user.id, user]));
  const sourceName = new Map<string, string>();
  for (const channel of sources.data?.items ?? []) {
    for (const node of [
      channel,
      ...channel.children,
      ...channel.children.flatMap((source) => source.children),
    ]) {
      sourceName.set(node.code, language === 'en' ? node.nameEn : node.nameZh);
    }
  }

  const toggle = (rule: TAssignmentRule, active: boolean) =>
    update.mutate(
      { ruleId: rule.id, body: { version: rule.version, active } },
      {
        onSuccess: () =>
          void message.success(
            t(active ? 'assignmentRules.activated' : 'assignmentRules.deactivated', { name: rule.name }),
          ),
        onError: (error) =>
          void message.error(
            hasErrorCode(error, 'stale_version') ? t('assignmentRules.stale') : describeApiError(error, t),
          ),
      },
    );

  const columns: TableColumnsType<TAssignmentRule> = [
    { key: 'priority', dataIndex: 'priority', title: t('assignmentRules.columns.priority'), width: 90 },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('assignmentRules.columns.name'),
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      key: 'match',
      title: t('assignmentRules.columns.match'),
      render: (_, rule) =>
        rule.match.channels.length === 0 && rule.match.sourceCodes.length === 0 ? (
          <Tag>{t('assignmentRules.everyLead')}</Tag>
        ) : (
          <Flex wrap gap={4}>
            {rule.match.channels.map((channel) => (
              <Tag key={`c-${channel}`} color="blue" style={{ marginInlineEnd: 0 }}>
                {isLeadChannel(channel) ? t(`leadChannels.${channel}`) : channel}
              </Tag>
            ))}
            {rule.match.sourceCodes.map((code) => (
              <Tag key={`s-${code}`} color="purple" style={{ marginInlineEnd: 0 }}>
                {sourceName.get(code) ?? code}
              </Tag>
            ))}
          </Flex>
        ),
    },
    {
      key: 'pool',
      title: t('assignmentRules.columns.pool'),
      render: (_, rule) => (
        <Flex wrap gap={4}>
          {rule.poolUserIds.map((id) => {
            const user = userName.get(id);
            return (
              <Tag key={id} style={{ marginInlineEnd: 0 }}>
                {user ? user.displayName : '…'}
                {user?.disabled ? ` (${t('assignmentRules.disabled')})` : ''}
              </Tag>
            );
          })}
        </Flex>
      ),
    },
    {
      key: 'cap',
      dataIndex: 'openLeadCap',
      title: t('assignmentRules.columns.cap'),
      render: (cap: number | null) =>
        cap ?? <Typography.Text type="secondary">{t('assignmentRules.noCap')}</Typography.Text>,
    },
    {
      key: 'active',
      title: t('assignmentRules.columns.active'),
      render: (_, rule) => (
        <Switch
          size="small"
          checked={rule.active}
          loading={update.isPending && update.variables?.ruleId === rule.id}
          onChange={(active) => toggle(rule, active)}
          aria-label={t('assignmentRules.columns.active')}
          data-testid={`rule-active-${rule.id}`}
        />
      ),
    },
    {
      key: 'updatedAt',
      dataIndex: 'updatedAt',
      title: t('assignmentRules.columns.updatedAt'),
      render: (iso: string) => formatDateTime(iso, timeZone, language),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, rule) => (
        <Button
          type="link"
          size="small"
          onClick={() => setEditing(rule)}
          data-testid={`edit-rule-${rule.id}`}
        >
          {t('assignmentRules.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('assignmentRules.explain')} />
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="new-rule"
        >
          {t('assignmentRules.new')}
        </Button>
      </Flex>
      {rules.isError && (
        <Alert
          type="error"
          showIcon
          title={t('assignmentRules.loadFailed')}
          description={describeApiError(rules.error, t)}
          action={
            <Button size="small" onClick={() => void rules.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <Table<TAssignmentRule>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rules.data?.items ?? []}
        loading={rules.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assignmentRules.empty')} />,
        }}
        data-testid="rules-table"
      />
      <RuleFormModal
        editing={editing}
        users={users.data}
        sources={sources.data}
        onClose={() => setEditing(null)}
        onSaved={(rule) => {
          setEditing(null);
          void message.success(t('assignmentRules.saved', { name: rule.name }));
        }}
      />
    </Flex>
  );
};
