import type { TImportJob } from '@qianke/contracts/imports';
import { Alert, Button, Empty, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useImports } from '../api/get-imports';
import { ImportStatusTag } from './import-status-tag';

type ImportsHistoryProps = {
  timeZone: string;
  /** The address of one import, e.g. /imports/<id>. */
  jobPath: (id: string) => string;
};

/** The store's past imports: who imported which file, when, and what became of its rows. */
export const ImportsHistory = ({ timeZone, jobPath }: ImportsHistoryProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const imports = useImports(page);

  const count = (n: number) => n.toLocaleString(language);
  const columns: TableColumnsType<TImportJob> = [
    {
      key: 'fileName',
      title: t('imports.history.fileName'),
      render: (_, job) => (
        <Link to={jobPath(job.id)} data-testid={`import-job-${job.id}`}>
          {job.fileName}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('imports.history.status'),
      render: (_, job) => <ImportStatusTag status={job.status} />,
    },
    {
      key: 'rows',
      title: t('imports.history.rows'),
      align: 'right',
      render: (_, job) => count(job.totalRows),
    },
    {
      key: 'created',
      title: t('imports.history.created'),
      align: 'right',
      render: (_, job) => (job.status === 'done' ? count(job.createdRows) : '-'),
    },
    {
      key: 'merged',
      title: t('imports.history.merged'),
      align: 'right',
      render: (_, job) => (job.status === 'done' ? count(job.mergedRows) : '-'),
    },
    {
      key: 'rejected',
      title: t('imports.history.rejected'),
      align: 'right',
      render: (_, job) => (job.status === 'done' ? count(job.rejectedRows) : '-'),
    },
    { key: 'by', title: t('imports.history.by'), render: (_, job) => job.createdBy.displayName },
    {
      key: 'at',
      title: t('imports.history.at'),
      render: (_, job) => formatDateTime(job.createdAt, timeZone, language),
    },
  ];

  return (
    <>
      {imports.isError && (
        <Alert
          type="error"
          showIcon
          title={t('imports.loadFailed')}
          description={describeApiError(imports.error, t)}
          action={
            <Button size="small" onClick={() => void imports.refetch()}>
              {t('common.retry')}
            </Button>
          }
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<TImportJob>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={imports.data?.items ?? []}
        loading={imports.isFetching}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.history.empty')} />,
        }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: imports.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: (current, pageSize) =>
            setPage({ page: pageSize === page.pageSize ? current : 1, pageSize }),
          showTotal: (total) => (
            <Typography.Text type="secondary">{t('imports.history.total', { count: total })}</Typography.Text>
          ),
        }}
        data-testid="imports-history"
      />
    </>
  );
};
