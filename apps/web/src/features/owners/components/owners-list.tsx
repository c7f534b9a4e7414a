import { DownloadOutlined } from '@ant-design/icons';
import type { TOwnerCard } from '@qianke/contracts/orders';
import {
  Alert,
  Button,
  DatePicker,
  Empty,
  Flex,
  Input,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { exportOwnersUrl } from '../api/export-owners-url';
import { type OwnersFilter, useOwners } from '../api/get-owners';

/** Owner cards (保有客户) filed by licence month: the registration month, else the delivery month. */
export const OwnersList = ({
  timeZone,
  canExport = false,
}: {
  timeZone: string;
  /** Managers download the cards as .xlsx for the owner-care calls (audited on the server). */
  canExport?: boolean;
}) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const [filter, setFilter] = useState<OwnersFilter>({ page: 1, pageSize: 20 });
  const owners = useOwners(filter);

  const columns: TableColumnsType<TOwnerCard> = [
    {
      title: t('owners.fields.customer'),
      key: 'customer',
      render: (_, o) => (
        <Link to={`${paths.customers}/${o.customerId}`} data-testid="owner-row">
          {o.name} {o.cardNo}
        </Link>
      ),
    },
    { title: t('owners.fields.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
    { title: t('owners.fields.vehicle'), dataIndex: 'vehicle' },
    {
      title: t('owners.fields.vin'),
      dataIndex: 'vin',
      render: (vin: string | null) => (vin ? <Typography.Text code>{vin}</Typography.Text> : '—'),
    },
    { title: t('owners.fields.plateNo'), dataIndex: 'plateNo', render: (p: string | null) => p ?? '—' },
    { title: t('owners.fields.licenceMonth'), dataIndex: 'licenceMonth' },
    {
      title: t('owners.fields.deliveredAt'),
      dataIndex: 'deliveredAt',
      render: (at: string) => formatDateTime(at, timeZone, language),
    },
    {
      title: t('owners.fields.orderNo'),
      key: 'order',
      render: (_, o) => <Link to={`${paths.orders}/${o.orderId}`}>{o.orderNo}</Link>,
    },
    { title: t('owners.fields.consultant'), key: 'consultant', render: (_, o) => o.consultant.name },
  ];

  return (
    <Flex vertical gap={12} data-testid="owners-list">
      <Flex gap={12} wrap align="center">
        <DatePicker
          picker="month"
          value={month}
          placeholder={t('owners.filters.allMonths')}
          onChange={(value) => {
            setMonth(value);
            setFilter((f) => ({ ...f, page: 1, licenceMonth: value ? value.format('YYYY-MM') : undefined }));
          }}
          disabledDate={(d) => d.isAfter(dayjs().endOf('month'))}
          aria-label={t('owners.filters.licenceMonth')}
          data-testid="owners-month"
        />
        <Input.Search
          allowClear
          placeholder={t('owners.filters.q')}
          style={{ width: 240 }}
          onSearch={(q) => setFilter((f) => ({ ...f, page: 1, q: q.trim() || undefined }))}
          data-testid="owners-search"
        />
        {canExport ? (
          <Button
            icon={<DownloadOutlined />}
            href={exportOwnersUrl(filter, language)}
            download
            data-testid="owners-export"
          >
            {t('owners.export')}
          </Button>
        ) : null}
      </Flex>
      {owners.isError ? <Alert type="error" showIcon title={describeApiError(owners.error, t)} /> : null}
      <Table<TOwnerCard>
        rowKey="orderId"
        size="middle"
        loading={owners.isFetching}
        columns={columns}
        dataSource={owners.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('owners.empty')} /> }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: owners.data?.total ?? 0,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
    </Flex>
  );
};
