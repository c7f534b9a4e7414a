import type { TImportJob, TImportRow, TImportRowFilter } from '@qianke/contracts/imports';
import { fieldColumnsOf } from '@qianke/core/imports/column-mapping';
import { Alert, Button, Empty, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useImportRows } from '../api/get-import-rows';
import { useImportTexts } from '../hooks/use-import-texts';

type ImportRowsTableProps = { job: TImportJob };

const PLAN_COLOURS = { create: 'green', merge: 'blue', error: 'red' } as const;
const OUTCOME_COLOURS = { created: 'green', merged: 'blue', rejected: 'red' } as const;

/** The rows of a file with what they will become (or became) and every problem, filtered. */
export const ImportRowsTable = ({ job }: ImportRowsTableProps) => {
  const { t } = useTranslation();
  const { problemText } = useImportTexts();
  const [filter, setFilter] = useState<TImportRowFilter>('all');
  const rows = useImportRows(job.id, filter);
  const items = rows.data?.pages.flatMap((page) => page.items) ?? [];
  const columnOf = fieldColumnsOf(job.mapping ?? {});

  /** The value the row will be captured with, else the cell as written: in red when it is the problem. */
  const shown = (row: TImportRow, value: string | undefined, field: keyof typeof columnOf) => {
    if (row.problems.some((problem) => problem.field === field)) {
      const column = columnOf[field];
      return (
        <Typography.Text type="danger">
          {column === undefined ? '' : (row.cells[column] ?? '')}
        </Typography.Text>
      );
    }
    if (value) return value;
    const column = columnOf[field];
    return column === undefined ? '' : (row.cells[column] ?? '');
  };

  const statusTag = (row: TImportRow) => {
    if (row.outcome) {
      return <Tag color={OUTCOME_COLOURS[row.outcome]}>{t(`imports.rows.outcome.${row.outcome}`)}</Tag>;
    }
    const plan = row.problems.length > 0 ? 'error' : row.merge ? 'merge' : 'create';
    return <Tag color={PLAN_COLOURS[plan]}>{t(`imports.rows.plan.${plan}`)}</Tag>;
  };

  const columns: TableColumnsType<TImportRow> = [
    { key: 'rowNo', dataIndex: 'rowNo', title: t('imports.rows.rowNo'), width: 70, fixed: 'left' },
    { key: 'status', title: t('imports.rows.status'), width: 90, render: (_, row) => statusTag(row) },
    {
      key: 'name',
      title: t('imports.fields.name'),
      render: (_, row) => shown(row, row.values?.name, 'name'),
    },
    {
      key: 'phone',
      title: t('imports.fields.phone'),
      render: (_, row) => shown(row, row.values?.phoneE164?.replace(/^\+86(?=1)/, ''), 'phone'),
    },
    {
      key: 'series',
      title: t('imports.fields.series'),
      render: (_, row) => shown(row, row.values?.seriesName, 'series'),
    },
    {
      key: 'source',
      title: t('imports.fields.source'),
      render: (_, row) => shown(row, row.values?.sourceName, 'source'),
    },
    {
      key: 'owner',
      title: t('imports.fields.owner'),
      render: (_, row) => shown(row, row.values?.ownerName, 'owner'),
    },
    {
      key: 'level',
      title: t('imports.fields.level'),
      render: (_, row) => shown(row, row.values?.level, 'level'),
    },
    {
      key: 'result',
      title: t('imports.rows.problems'),
      render: (_, row) => (
        <Flex vertical gap={2}>
          {row.problems.map((problem) => (
            <Typography.Text key={`${problem.field}-${problem.code}`} type="danger">
              {problemText(problem)}
            </Typography.Text>
          ))}
          {row.failure && (
            <Typography.Text type="danger">
              {t('imports.rows.failure', { reason: row.failure })}
            </Typography.Text>
          )}
          {row.problems.length === 0 && row.cardNo && (
            <Typography.Text type="secondary">
              {row.outcome === 'created'
                ? t('imports.rows.createdAs', { cardNo: row.cardNo })
                : t('imports.rows.mergeInto', { cardNo: row.cardNo })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
  ];

  const filters: { value: TImportRowFilter; label: string }[] = [
    { value: 'all', label: t('imports.rows.filter.all') },
    { value: 'errors', label: t('imports.rows.filter.errors') },
    { value: 'merge', label: t('imports.rows.filter.merge') },
  ];

  return (
    <Flex vertical gap={12}>
      <Segmented<TImportRowFilter>
        value={filter}
        onChange={setFilter}
        options={filters}
        aria-label={t('imports.rows.filter.label')}
        style={{ alignSelf: 'flex-start' }}
        data-testid="import-rows-filter"
      />
      {rows.isError && (
        <Alert
          type="error"
          showIcon
          title={t('imports.loadFailed')}
          description={describeApiError(rows.error, t)}
        />
      )}
      <Table<TImportRow>
        rowKey="rowNo"
        size="small"
        columns={columns}
        dataSource={items}
        loading={rows.isFetching && !rows.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': `import-row-${row.rowNo}` }) as React.HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('imports.rows.empty')} />,
        }}
        data-testid="import-rows"
      />
      {rows.hasNextPage && (
        <Button
          onClick={() => void rows.fetchNextPage()}
          loading={rows.isFetchingNextPage}
          style={{ alignSelf: 'center' }}
          data-testid="import-rows-more"
        >
          {t('imports.rows.more')}
        </Button>
      )}
    </Flex>
  );
};
