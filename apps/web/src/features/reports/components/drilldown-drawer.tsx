import type { TDrilldownCustomer, TReportFilterInput } from '@qianke/contracts/reports/filter';
import { Alert, Drawer, Empty, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { paths } from '@/lib/paths';
import { type DrilldownTarget, useDrilldown } from '../api/get-drilldown';
import type { ReportContext } from '../report-context';

/** The customers behind a figure: a paged list in a drawer, each linking to the customer's card. */
export const DrilldownDrawer = ({
  report,
  filter,
  target,
  onClose,
  context,
}: {
  report: string;
  filter: TReportFilterInput & Record<string, string | number | undefined>;
  target: DrilldownTarget | undefined;
  onClose: () => void;
  context: ReportContext;
}) => {
  const { t } = useTranslation();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  // A new figure starts on its first page.
  useEffect(() => {
    if (target) setPage((p) => ({ ...p, page: 1 }));
  }, [target]);
  const customers = useDrilldown(target ? { report, filter, target, ...page } : undefined);
  const en = context.language === 'en';
  return (
    <Drawer
      open={target !== undefined}
      onClose={onClose}
      size="large"
      title={target?.title}
      destroyOnHidden
      data-testid="report-drilldown"
    >
      {customers.isError ? (
        <Alert type="error" showIcon title={describeApiError(customers.error, t)} />
      ) : null}
      <Table<TDrilldownCustomer>
        rowKey="id"
        size="small"
        loading={customers.isFetching}
        dataSource={customers.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('reports.common.noCustomers')} /> }}
        columns={[
          {
            key: 'name',
            title: t('reports.common.customer'),
            render: (_, c) => (
              <Link to={`${paths.customers}/${c.id}`} data-testid="report-drilldown-customer">
                {c.name}
              </Link>
            ),
          },
          { key: 'cardNo', title: t('reports.common.cardNo'), dataIndex: 'cardNo' },
          {
            key: 'phone',
            title: t('reports.common.phone'),
            render: (_, c) => (
              <span data-testid="report-drilldown-phone" data-masked={c.phoneMasked ? 'true' : 'false'}>
                {c.phone ?? '—'}
              </span>
            ),
          },
          {
            key: 'level',
            title: t('reports.common.level'),
            render: (_, c) => (c.level ? <Tag>{c.level}</Tag> : '—'),
          },
          { key: 'owner', title: t('reports.common.consultant'), render: (_, c) => c.ownerName ?? '—' },
          {
            key: 'source',
            title: t('reports.common.source'),
            render: (_, c) => (en ? c.sourceNameEn : c.sourceNameZh) ?? '—',
          },
          {
            key: 'createdAt',
            title: t('reports.common.createdAt'),
            render: (_, c) => formatDateTime(c.createdAt, context.timeZone, context.language),
          },
        ]}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: customers.data?.total ?? 0,
          showTotal: (total) => t('reports.common.total', { count: total }),
          onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
      />
    </Drawer>
  );
};
