import type { TDefeatRequest } from '@qianke/contracts/defeat';
import { Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';

type RequestsTableProps = {
  items: readonly TDefeatRequest[];
  loading: boolean;
  timeZone: string;
  /** Buttons for a row (approve / reject). */
  actions?: (request: TDefeatRequest) => ReactNode;
  /** Show who asked (managers' lists); one's own list leaves it out. */
  showRequester?: boolean;
  /** More about the lead under a row, e.g. why it has its owner. */
  renderDetails?: ((request: TDefeatRequest) => ReactNode) | undefined;
  emptyText: string;
  'data-testid'?: string;
};

const STATUS_COLOURS = { pending: 'processing', approved: 'success', rejected: 'warning' } as const;

/** Defeat requests with their reason, competitor, note and decision. */
export const RequestsTable = ({
  items,
  loading,
  timeZone,
  actions,
  showRequester = true,
  renderDetails,
  emptyText,
  'data-testid': testId,
}: RequestsTableProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const columns: TableColumnsType<TDefeatRequest> = [
    {
      key: 'customer',
      title: t('defeat.columns.customer'),
      render: (_, request) => (
        <Flex vertical>
          <Typography.Text strong>{request.customer.name}</Typography.Text>
          <Typography.Text type="secondary">
            {[
              request.customer.cardNo,
              request.series
                ? language === 'en'
                  ? (request.series.nameEn ?? request.series.name)
                  : request.series.name
                : null,
              request.level,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(showRequester
      ? [
          {
            key: 'requestedBy',
            title: t('defeat.columns.requestedBy'),
            render: (_: unknown, request: TDefeatRequest) => request.requestedBy.name,
          },
        ]
      : []),
    {
      key: 'reason',
      title: t('defeat.columns.reason'),
      render: (_, request) => (
        <Flex vertical>
          <span>{language === 'en' ? request.reason.nameEn : request.reason.nameZh}</span>
          {request.competitorBrand && (
            <Typography.Text type="secondary">
              {[request.competitorBrand, request.competitorModel].filter(Boolean).join(' ')}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'note',
      dataIndex: 'note',
      title: t('defeat.columns.note'),
      render: (note: string | null) => (
        <Typography.Paragraph style={{ margin: 0, maxWidth: 280 }} ellipsis={{ rows: 2, tooltip: note }}>
          {note ?? '-'}
        </Typography.Paragraph>
      ),
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('defeat.columns.createdAt'),
      render: (iso: string) => formatDateTime(iso, timeZone, language),
    },
    {
      key: 'status',
      title: t('defeat.columns.status'),
      render: (_, request) => (
        <Flex vertical gap={2}>
          <span>
            <Tag color={STATUS_COLOURS[request.status]} data-testid={`defeat-status-${request.id}`}>
              {t(`defeat.status.${request.status}`)}
            </Tag>
            {request.outcome && <Tag>{t(`defeat.outcome.${request.outcome}`)}</Tag>}
          </span>
          {request.decidedBy && (
            <Typography.Text type="secondary">
              {t('defeat.decidedBy', {
                name: request.decidedBy.name,
                at: formatDateTime(request.decidedAt, timeZone, language),
              })}
            </Typography.Text>
          )}
          {request.managerNote && <Typography.Text italic>{request.managerNote}</Typography.Text>}
        </Flex>
      ),
    },
    ...(actions
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, request: TDefeatRequest) => actions(request),
          },
        ]
      : []),
  ];
  return (
    <Table<TDefeatRequest>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(request) => ({ 'data-testid': `defeat-row-${request.id}` }) as never}
      expandable={renderDetails ? { expandedRowRender: (request) => renderDetails(request) } : undefined}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
      data-testid={testId}
    />
  );
};
