import type { TDefeatMonthly } from '@qianke/contracts/defeat';
import { Alert, DatePicker, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useLanguage } from '@/lib/i18n/use-language';
import { useMonthly } from '../api/get-monthly';

type Row = TDefeatMonthly['items'][number];

/**
 * The monthly defeat record (战败记录) per consultant, in the store's calendar: requests made in the
 * month, approvals by outcome and rejections decided in it, and the reasons given.
 */
export const MonthlyRecord = () => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [month, setMonth] = useState<Dayjs | null>(null);
  const monthly = useMonthly(month ? month.format('YYYY-MM') : undefined);
  const data = monthly.data;
  const reasonName = (r: { nameZh: string; nameEn: string }) => (language === 'en' ? r.nameEn : r.nameZh);

  const columns: TableColumnsType<Row> = [
    { key: 'name', dataIndex: 'displayName', title: t('defeat.monthly.consultant') },
    { key: 'requested', dataIndex: 'requested', title: t('defeat.monthly.requested'), align: 'right' },
    { key: 'pending', dataIndex: 'pending', title: t('defeat.monthly.pending'), align: 'right' },
    {
      key: 'approved',
      title: t('defeat.monthly.approved'),
      align: 'right',
      render: (_, row) => row.approved.total,
    },
    { key: 'lost', title: t('defeat.outcome.lost'), align: 'right', render: (_, row) => row.approved.lost },
    {
      key: 'reassigned',
      title: t('defeat.outcome.reassigned'),
      align: 'right',
      render: (_, row) => row.approved.reassigned,
    },
    {
      key: 'nurturing',
      title: t('defeat.outcome.nurturing'),
      align: 'right',
      render: (_, row) => row.approved.nurturing,
    },
    { key: 'rejected', dataIndex: 'rejected', title: t('defeat.monthly.rejected'), align: 'right' },
    {
      key: 'reasons',
      title: t('defeat.monthly.reasons'),
      render: (_, row) => (
        <Flex wrap gap={4}>
          {row.byReason.map((reason) => (
            <Tag key={reason.reasonId} style={{ marginInlineEnd: 0 }}>
              {t('defeat.monthly.reasonCount', {
                name: reasonName(reason),
                requested: reason.requested,
                approved: reason.approved,
              })}
            </Tag>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="defeat-monthly">
      <Flex gap={12} align="center" wrap>
        <DatePicker
          picker="month"
          value={month ?? (data ? dayjs(`${data.month}-01`) : null)}
          onChange={(value) => setMonth(value)}
          allowClear={false}
          disabledDate={(date) => date.isAfter(dayjs().endOf('month'))}
          aria-label={t('defeat.monthly.month')}
          data-testid="defeat-month"
        />
        {data && (
          <Typography.Text type="secondary">
            {t('defeat.monthly.explain', { zone: data.timeZone })}
          </Typography.Text>
        )}
      </Flex>
      {monthly.isError && (
        <Alert
          type="error"
          showIcon
          title={t('defeat.loadFailed')}
          description={describeApiError(monthly.error, t)}
        />
      )}
      <Table<Row>
        rowKey="userId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={monthly.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': `monthly-row-${row.userId}` }) as never}
        summary={() =>
          data && data.items.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('defeat.monthly.total')}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                {data.totals.requested}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">
                {data.totals.pending}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                {data.totals.approved.total}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                {data.totals.approved.lost}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                {data.totals.approved.reassigned}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                {data.totals.approved.nurturing}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                {data.totals.rejected}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={8}>
                <Flex wrap gap={4}>
                  {data.totals.byReason.map((reason) => (
                    <Tag key={reason.reasonId} style={{ marginInlineEnd: 0 }}>
                      {t('defeat.monthly.reasonCount', {
                        name: reasonName(reason),
                        requested: reason.requested,
                        approved: reason.approved,
                      })}
                    </Tag>
                  ))}
                </Flex>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
        data-testid="defeat-monthly-table"
      />
    </Flex>
  );
};
