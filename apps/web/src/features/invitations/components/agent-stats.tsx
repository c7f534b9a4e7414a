import type { TAgentStats } from '@qianke/contracts/dcc';
import { Alert, Flex, Input, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useAgentStats } from '../api/get-agent-stats';
import { storeToday } from './store-time';

const percent = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);

/** The DCC rates per agent over days of the store: this month by default. */
export const AgentStats = ({ timeZone }: { timeZone: string }) => {
  const { t } = useTranslation();
  const today = storeToday(timeZone);
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const query = useAgentStats(from, to);

  const columns: TableColumnsType<TAgentStats> = [
    { key: 'agent', title: t('dcc.stats.agent'), render: (_, r) => r.agent.name },
    { key: 'calls', title: t('dcc.stats.calls'), dataIndex: 'calls', align: 'right' },
    { key: 'reached', title: t('dcc.stats.reached'), dataIndex: 'reached', align: 'right' },
    {
      key: 'reachRate',
      title: t('dcc.stats.reachRate'),
      render: (_, r) => percent(r.reachRate),
      align: 'right',
    },
    { key: 'invitations', title: t('dcc.stats.invitations'), dataIndex: 'invitations', align: 'right' },
    { key: 'arrived', title: t('dcc.stats.arrived'), dataIndex: 'arrived', align: 'right' },
    {
      key: 'invitationRate',
      title: t('dcc.stats.invitationRate'),
      render: (_, r) => percent(r.invitationRate),
      align: 'right',
    },
    {
      key: 'arrivalRate',
      title: t('dcc.stats.arrivalRate'),
      render: (_, r) => percent(r.arrivalRate),
      align: 'right',
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="dcc-stats">
      <Flex gap={8} align="center" wrap>
        <span>{t('dcc.stats.from')}</span>
        <Input type="date" value={from} onChange={(e) => setFrom(e.target.value)} style={{ width: 170 }} />
        <span>{t('dcc.stats.to')}</span>
        <Input type="date" value={to} onChange={(e) => setTo(e.target.value)} style={{ width: 170 }} />
      </Flex>
      {query.isError ? (
        <Alert type="error" showIcon title={describeApiError(query.error, t)} />
      ) : (
        <Table<TAgentStats>
          rowKey={(r) => r.agent.id}
          size="small"
          loading={query.isPending}
          columns={columns}
          dataSource={query.data?.items ?? []}
          pagination={false}
          onRow={(r) => ({ 'data-testid': 'dcc-stats-row', 'data-agent-id': r.agent.id }) as object}
        />
      )}
      <Typography.Text type="secondary">{t('dcc.stats.help')}</Typography.Text>
    </Flex>
  );
};
