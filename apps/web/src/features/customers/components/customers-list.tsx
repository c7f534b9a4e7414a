import { DownloadOutlined, LockOutlined, MergeCellsOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCustomerListItem, TCustomerSort } from '@qianke/contracts/customers';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Space,
  Table,
  type TableColumnsType,
  type TableProps,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { SortOrder as AntSortOrder } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { exportCustomersUrl } from '../api/export-customers-url';
import { useCustomers } from '../api/get-customers';
import { hasAnyFilter, useCustomerFilters } from '../hooks/use-customer-filters';
import { CustomerFiltersBar } from './customer-filters-bar';
import { catalogName, describeCustomerError, LevelTag, StatusTag, sourceName } from './customer-text';
import { MergeModal } from './merge-modal';

const SORTABLE: readonly TCustomerSort[] = ['createdAt', 'name', 'level', 'nextContactAt'];
const isSortable = (key: unknown): key is TCustomerSort => SORTABLE.includes(key as TCustomerSort);

type CustomersListProps = {
  timeZone: string;
  canCreate: boolean;
  /** Managers select rows to merge duplicates. */
  canMerge: boolean;
  /** Consultants see only their own customers: no owner filter. */
  showOwnerFilter: boolean;
  /** Managers and marketing download the filtered list as .xlsx (audited on the server). */
  canExport: boolean;
};

/** The store's customers (or a consultant's own): search, filters, sort, and "load more" pages. */
export const CustomersList = ({
  timeZone,
  canCreate,
  canMerge,
  showOwnerFilter,
  canExport,
}: CustomersListProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { filters, update, clear } = useCustomerFilters();
  const query = useCustomers(filters);
  const [selected, setSelected] = useState<TCustomerListItem[]>([]);
  const [merging, setMerging] = useState<TCustomerListItem[]>([]);
  const items = useMemo(() => query.data?.pages.flatMap((page) => page.items) ?? [], [query.data]);

  const order = filters.order ?? (filters.sort === 'createdAt' ? 'desc' : 'asc');
  const sortOrderOf = (key: TCustomerSort): AntSortOrder =>
    filters.sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null;
  const dateCell = (iso: string | null) =>
    formatDateTime(iso, timeZone, language) ?? <Typography.Text type="secondary">-</Typography.Text>;
  const dash = <Typography.Text type="secondary">-</Typography.Text>;

  const columns: TableColumnsType<TCustomerListItem> = [
    {
      key: 'cardNo',
      dataIndex: 'cardNo',
      title: t('customers.fields.cardNo'),
      render: (cardNo: string, c) => <Link to={`${paths.customers}/${c.id}`}>{cardNo}</Link>,
    },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('customers.fields.name'),
      sorter: true,
      sortOrder: sortOrderOf('name'),
      render: (name: string, c) => (
        <Space size={4}>
          <Link to={`${paths.customers}/${c.id}`} data-testid={`customer-link-${c.cardNo}`}>
            {name}
          </Link>
          {c.fleet && <Tag color="gold">{t('customers.fleet.tag')}</Tag>}
        </Space>
      ),
    },
    {
      key: 'phone',
      dataIndex: 'phone',
      title: t('customers.fields.phone'),
      render: (phone: string | null, c) =>
        phone ? (
          <Space size={4}>
            <span>{phone}</span>
            {c.phoneMasked && (
              <Tooltip title={t('customers.phone.maskedHint')}>
                <LockOutlined aria-label={t('customers.phone.masked')} />
              </Tooltip>
            )}
          </Space>
        ) : (
          dash
        ),
    },
    {
      key: 'level',
      dataIndex: 'level',
      title: t('customers.fields.level'),
      sorter: true,
      sortOrder: sortOrderOf('level'),
      render: (level: TCustomerListItem['level']) => <LevelTag level={level} />,
    },
    {
      key: 'series',
      title: t('customers.fields.series'),
      render: (_, c) => catalogName(c.latestSeries, language) ?? dash,
    },
    {
      key: 'source',
      title: t('customers.fields.source'),
      render: (_, c) => sourceName(c.source, language) ?? dash,
    },
    {
      key: 'owner',
      dataIndex: 'ownerName',
      title: t('customers.fields.owner'),
      render: (name) => name ?? dash,
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('customers.fields.status'),
      render: (status: TCustomerListItem['status']) => <StatusTag status={status} t={t} />,
    },
    { key: 'leadCount', dataIndex: 'leadCount', title: t('customers.fields.leadCount'), align: 'right' },
    {
      key: 'nextContactAt',
      dataIndex: 'nextContactAt',
      title: t('customers.fields.nextContactAt'),
      sorter: true,
      sortOrder: sortOrderOf('nextContactAt'),
      render: dateCell,
    },
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('customers.fields.createdAt'),
      sorter: true,
      sortOrder: sortOrderOf('createdAt'),
      render: dateCell,
    },
  ];

  const onTableChange: TableProps<TCustomerListItem>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    if (single?.order && isSortable(single.columnKey)) {
      update({ sort: single.columnKey, order: single.order === 'ascend' ? 'asc' : 'desc' });
    } else {
      update({ sort: 'createdAt', order: undefined });
    }
  };

  const filtered = hasAnyFilter(filters);
  const empty = filtered ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.list.noMatch')}>
      <Button onClick={clear}>{t('customers.list.clearFilters')}</Button>
    </Empty>
  ) : (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.list.empty')}>
      {canCreate && (
        <Button type="primary" onClick={() => void navigate(paths.newCustomer)}>
          {t('customers.list.create')}
        </Button>
      )}
    </Empty>
  );

  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center" justify="space-between">
        <CustomerFiltersBar
          filters={filters}
          update={update}
          clear={clear}
          showOwnerFilter={showOwnerFilter}
        />
        <Space>
          {canExport && (
            <Button
              icon={<DownloadOutlined />}
              href={exportCustomersUrl(filters, language)}
              download
              data-testid="customers-export"
            >
              {t('customers.list.export')}
            </Button>
          )}
          {canMerge && (
            <Tooltip title={selected.length < 2 ? t('customers.merge.selectHint') : undefined}>
              <Button
                icon={<MergeCellsOutlined />}
                disabled={selected.length < 2}
                onClick={() => setMerging(selected)}
                data-testid="customers-merge"
              >
                {t('customers.merge.button', { count: selected.length })}
              </Button>
            </Tooltip>
          )}
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(paths.newCustomer)}
              data-testid="customers-create"
            >
              {t('customers.list.create')}
            </Button>
          )}
        </Space>
      </Flex>

      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={t('customers.list.loadFailed')}
          description={describeCustomerError(query.error, t)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}

      <Table<TCustomerListItem>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={query.isFetching && !query.isFetchingNextPage}
        onChange={onTableChange}
        scroll={{ x: 'max-content' }}
        sortDirections={['ascend', 'descend']}
        showSorterTooltip={false}
        pagination={false}
        locale={{ emptyText: query.isPending ? ' ' : empty }}
        rowSelection={
          canMerge
            ? {
                selectedRowKeys: selected.map((c) => c.id),
                onChange: (_keys, rows) => setSelected(rows),
              }
            : undefined
        }
        data-testid="customers-table"
      />

      <Flex justify="center" align="center" gap={12}>
        {items.length > 0 && (
          <Typography.Text type="secondary" data-testid="customers-shown">
            {t('customers.list.shown', { count: items.length })}
          </Typography.Text>
        )}
        {query.hasNextPage && (
          <Button
            onClick={() => void query.fetchNextPage()}
            loading={query.isFetchingNextPage}
            data-testid="customers-load-more"
          >
            {t('customers.list.loadMore')}
          </Button>
        )}
      </Flex>

      <MergeModal
        customers={merging}
        onClose={() => setMerging([])}
        onMerged={(kept) => {
          setMerging([]);
          setSelected([]);
          void message.success(t('customers.merge.success', { name: kept.name, cardNo: kept.cardNo }));
        }}
      />
    </Flex>
  );
};
