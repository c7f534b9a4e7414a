import { DownloadOutlined } from '@ant-design/icons';
import type { TOrder } from '@qianke/contracts/orders';
import { Alert, Button, DatePicker, Empty, Flex, Input, Select, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { exportOrdersUrl } from '../api/export-orders-url';
import { type OrdersFilter, useOrders } from '../api/get-orders';
import { OrderStatusTag } from './order-status-tag';
import { money, vehicleText } from './order-text';

const STATUSES = ['draft', 'confirmed', 'delivered', 'cancelled'] as const;

/** Orders with filters (status, order days, number/VIN/name); a page at a time. */
export const OrdersList = ({
  timeZone,
  customerId,
  compact = false,
  canExport = false,
}: {
  timeZone: string;
  /** Managers download the filtered list as .xlsx (audited on the server). */
  canExport?: boolean;
  /** Only this customer's orders (on the customer page), without filters. */
  customerId?: string;
  compact?: boolean;
}) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<OrdersFilter>({ page: 1, pageSize: compact ? 5 : 20, customerId });
  const orders = useOrders(filter);
  const change = (patch: Partial<OrdersFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: TableColumnsType<TOrder> = [
    {
      title: t('orders.fields.orderNo'),
      dataIndex: 'orderNo',
      render: (no: string, o) => (
        <Link to={`${paths.orders}/${o.id}`} data-testid="order-row-link">
          {no}
        </Link>
      ),
    },
    ...(customerId
      ? []
      : [
          {
            title: t('orders.fields.customer'),
            key: 'customer',
            render: (_: unknown, o: TOrder) => `${o.customer.name} ${o.customer.cardNo}`,
          },
        ]),
    { title: t('orders.fields.vehicle'), key: 'vehicle', render: (_, o) => vehicleText(o) },
    { title: t('orders.fields.vin'), dataIndex: 'vin', render: (v: string | null) => v ?? '—' },
    {
      title: t('orders.fields.netPrice'),
      dataIndex: 'netPrice',
      align: 'right',
      render: (v: number) => money(v, language),
    },
    { title: t('orders.fields.consultant'), key: 'consultant', render: (_, o) => o.consultant.name },
    {
      title: t('orders.fields.orderedAt'),
      dataIndex: 'orderedAt',
      render: (at: string) => formatDateTime(at, timeZone, language),
    },
    {
      title: t('orders.fields.status'),
      key: 'status',
      render: (_, o) => <OrderStatusTag status={o.status} />,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid={customerId ? 'customer-orders' : 'orders-list'}>
      {compact ? null : (
        <Flex gap={12} wrap align="center">
          <Select
            allowClear
            placeholder={t('orders.filters.status')}
            style={{ width: 140 }}
            value={filter.status}
            onChange={(status) => change({ status })}
            options={STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
            data-testid="orders-filter-status"
          />
          <DatePicker.RangePicker
            onChange={(range) =>
              change({
                from: range?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: range?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
            aria-label={t('orders.filters.dates')}
          />
          <Input.Search
            allowClear
            placeholder={t('orders.filters.q')}
            style={{ width: 240 }}
            onSearch={(q) => change({ q: q.trim() || undefined })}
            data-testid="orders-filter-q"
          />
          {canExport ? (
            <Button
              icon={<DownloadOutlined />}
              href={exportOrdersUrl(filter, language)}
              download
              data-testid="orders-export"
            >
              {t('orders.export')}
            </Button>
          ) : null}
        </Flex>
      )}
      {orders.isError ? <Alert type="error" showIcon title={describeApiError(orders.error, t)} /> : null}
      <Table<TOrder>
        rowKey="id"
        size={compact ? 'small' : 'middle'}
        loading={orders.isFetching}
        columns={columns}
        dataSource={orders.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('orders.empty')} /> }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: orders.data?.total ?? 0,
          hideOnSinglePage: compact,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
    </Flex>
  );
};
