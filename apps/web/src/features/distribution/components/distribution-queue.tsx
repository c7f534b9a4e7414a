import { ReloadOutlined, SwapOutlined, UserAddOutlined } from '@ant-design/icons';
import { isLeadChannel, type TQueueItem } from '@qianke/contracts/assignment';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useQueue } from '../api/get-queue';
import { AssignDialog } from './assign-dialog';
import { AssignmentReasonText } from './assignment-reason';
import { ReassignAllDialog } from './reassign-all-dialog';
import { waitingText } from './waiting-time';

const OVERDUE_ROW = { background: 'var(--ant-color-error-bg, #fff2f0)' };

/**
 * The sales manager's distribution queue (DOMAIN §3 "assignment"): leads without an owner, oldest
 * first, overdue ones (waiting longer than the store allows, in opening hours) highlighted. Choose one
 * or many and assign them; hand over a departing colleague's leads in one action.
 */
export const DistributionQueue = ({ timeZone }: { timeZone: string }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const queue = useQueue();
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState<{ leadIds: string[]; customerName?: string } | null>(null);
  const [handingOver, setHandingOver] = useState(false);

  const items = useMemo(() => queue.data?.pages.flatMap((page) => page.items) ?? [], [queue.data]);
  const first = queue.data?.pages[0];
  const overdueShown = items.filter((item) => item.overdue).length;

  const columns: TableColumnsType<TQueueItem> = [
    {
      key: 'customer',
      title: t('distribution.columns.customer'),
      render: (_, item) => (
        <Flex vertical>
          <Typography.Text strong>{item.customerName}</Typography.Text>
          <Typography.Text type="secondary">{item.cardNo}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'phone',
      dataIndex: 'phone',
      title: t('distribution.columns.phone'),
      render: (phone: string | null) => phone ?? '-',
    },
    {
      key: 'source',
      title: t('distribution.columns.source'),
      render: (_, item) => (
        <Flex vertical>
          <span>{language === 'en' ? item.source.nameEn : item.source.nameZh}</span>
          <Typography.Text type="secondary">
            {isLeadChannel(item.channel) ? t(`leadChannels.${item.channel}`) : item.channel}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'series',
      title: t('distribution.columns.series'),
      render: (_, item) =>
        item.series ? (language === 'en' ? (item.series.nameEn ?? item.series.name) : item.series.name) : '-',
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('distribution.columns.createdAt'),
      render: (iso: string) => formatDateTime(iso, timeZone, language),
    },
    {
      key: 'waiting',
      title: t('distribution.columns.waiting'),
      render: (_, item) => (
        <Space size={4} wrap>
          <span>{waitingText(item.ageMinutes, t)}</span>
          {item.overdue && (
            <Tag color="error" data-testid={`overdue-${item.leadId}`}>
              {t('distribution.overdue')}
            </Tag>
          )}
          {item.status === 'nurturing' && <Tag color="green">{t('distribution.nurturing')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'reason',
      title: t('distribution.columns.reason'),
      render: (_, item) => (item.reason ? <AssignmentReasonText reason={item.reason} /> : '-'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, item) => (
        <Button
          type="link"
          size="small"
          icon={<UserAddOutlined />}
          onClick={() => setAssigning({ leadIds: [item.leadId], customerName: item.customerName })}
          data-testid={`assign-one-${item.leadId}`}
        >
          {t('distribution.assign.one')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="distribution-queue">
      <Flex wrap gap={12} align="center">
        <Typography.Text data-testid="queue-total">
          {t('distribution.total', { count: first?.total ?? 0 })}
        </Typography.Text>
        {overdueShown > 0 && (
          <Tag color="error">
            {t('distribution.overdueCount', { count: overdueShown, minutes: first?.alertMinutes })}
          </Tag>
        )}
        <Space style={{ marginInlineStart: 'auto' }} wrap>
          <Typography.Text type="secondary">
            {t('distribution.selected', { count: selected.length })}
          </Typography.Text>
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            disabled={selected.length === 0}
            onClick={() => setAssigning({ leadIds: selected })}
            data-testid="assign-selected"
          >
            {t('distribution.assign.selected')}
          </Button>
          <Button icon={<SwapOutlined />} onClick={() => setHandingOver(true)} data-testid="reassign-all">
            {t('distribution.reassignAll.button')}
          </Button>
          <Tooltip title={t('common.reload')}>
            <Button
              icon={<ReloadOutlined />}
              aria-label={t('common.reload')}
              loading={queue.isRefetching}
              onClick={() => void queue.refetch()}
            />
          </Tooltip>
        </Space>
      </Flex>

      {queue.isError && (
        <Alert
          type="error"
          showIcon
          title={t('distribution.loadFailed')}
          description={describeApiError(queue.error, t)}
          action={
            <Button size="small" onClick={() => void queue.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}

      <Table<TQueueItem>
        rowKey="leadId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={queue.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (item) => ({ 'aria-label': item.customerName }) as never,
        }}
        onRow={(item) =>
          ({
            'data-testid': `queue-row-${item.leadId}`,
            'data-overdue': item.overdue ? 'true' : 'false',
            style: item.overdue ? OVERDUE_ROW : undefined,
          }) as never
        }
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('distribution.empty')} />,
        }}
        data-testid="queue-table"
      />
      {queue.hasNextPage && (
        <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage} block>
          {t('distribution.loadMore')}
        </Button>
      )}

      <AssignDialog
        leadIds={assigning?.leadIds ?? []}
        customerName={assigning?.customerName}
        onClose={() => setAssigning(null)}
        onAssigned={(result, ownerName) => {
          setAssigning(null);
          setSelected((current) => current.filter((id) => !assigning?.leadIds.includes(id)));
          void message.success(t('distribution.assign.success', { count: result.assigned, name: ownerName }));
        }}
      />
      <ReassignAllDialog
        open={handingOver}
        onClose={() => setHandingOver(false)}
        onDone={(result, names) => {
          setHandingOver(false);
          void message.success(
            t('distribution.reassignAll.success', {
              from: names.from,
              to: names.to,
              leads: result.leads,
              customers: result.customers,
            }),
          );
        }}
      />
    </Flex>
  );
};
