import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TStockVehicle } from '@qianke/contracts/vehicles';
import { Alert, Button, Empty, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCatalog } from '../api/get-catalog';
import { type StockFilter, useStock } from '../api/get-stock';
import { AddVehicleDialog } from './add-vehicle-dialog';
import { EditVehicleDialog } from './edit-vehicle-dialog';
import { StockStatusTag } from './stock-status-tag';

/** The store's stock by VIN: filter by status, series and a VIN fragment; managers add cars. */
export const StockList = ({ canManage }: { canManage: boolean }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [filter, setFilter] = useState<StockFilter>({ page: 1, pageSize: 20 });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<TStockVehicle | null>(null);
  const stock = useStock(filter);
  const catalog = useCatalog();
  const series = [...new Map((catalog.data?.items ?? []).map((c) => [c.series.id, c.series])).values()];
  const change = (patch: Partial<StockFilter>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));

  const columns: TableColumnsType<TStockVehicle> = [
    {
      title: t('vehicles.fields.vin'),
      dataIndex: 'vin',
      render: (vin: string) => <Typography.Text code>{vin}</Typography.Text>,
    },
    {
      title: t('vehicles.fields.configuration'),
      key: 'configuration',
      render: (_, v) => `${v.configuration.seriesName} ${v.configuration.modelName} ${v.configuration.name}`,
    },
    { title: t('vehicles.fields.colour'), key: 'colour', render: (_, v) => v.colour?.name ?? '—' },
    {
      title: t('vehicles.fields.listPrice'),
      dataIndex: 'listPrice',
      align: 'right',
      render: (price: number) => `¥${price.toLocaleString(language)}`,
    },
    { title: t('vehicles.fields.arrivedOn'), dataIndex: 'arrivedOn', render: (d: string | null) => d ?? '—' },
    {
      title: t('vehicles.fields.status'),
      key: 'status',
      render: (_, v) => (
        <Flex gap={4} align="center">
          <StockStatusTag status={v.status} />
          {v.orderNo ? <Typography.Text type="secondary">{v.orderNo}</Typography.Text> : null}
        </Flex>
      ),
    },
    { title: t('vehicles.fields.note'), dataIndex: 'note', render: (n: string | null) => n ?? '' },
    ...(canManage
      ? [
          {
            title: t('vehicles.edit.column'),
            key: 'edit',
            render: (_: unknown, v: TStockVehicle) =>
              v.status === 'in_stock' ? (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('vehicles.edit.open', { vin: v.vin })}
                  onClick={() => setEditing(v)}
                  data-testid="stock-edit"
                >
                  {t('vehicles.edit.button')}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={16} data-testid="stock-list">
      <Flex gap={12} wrap align="center">
        <Select
          allowClear
          placeholder={t('vehicles.filters.status')}
          style={{ width: 140 }}
          value={filter.status}
          onChange={(status) => change({ status })}
          options={(['in_stock', 'reserved', 'sold'] as const).map((s) => ({
            value: s,
            label: t(`vehicles.status.${s}`),
          }))}
          data-testid="stock-filter-status"
        />
        <Select
          allowClear
          placeholder={t('vehicles.filters.series')}
          style={{ width: 160 }}
          value={filter.seriesId}
          onChange={(seriesId) => change({ seriesId })}
          options={series.map((s) => ({
            value: s.id,
            label: language === 'en' ? (s.nameEn ?? s.name) : s.name,
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('vehicles.filters.vin')}
          style={{ width: 220 }}
          onSearch={(vin) => change({ vin: vin.trim() || undefined })}
          data-testid="stock-filter-vin"
        />
        {canManage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="stock-add"
          >
            {t('vehicles.add.open')}
          </Button>
        ) : null}
      </Flex>
      {stock.isError ? <Alert type="error" showIcon title={describeApiError(stock.error, t)} /> : null}
      <Table<TStockVehicle>
        rowKey="id"
        size="middle"
        loading={stock.isFetching}
        columns={columns}
        dataSource={stock.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('vehicles.empty')} /> }}
        pagination={{
          current: filter.page,
          pageSize: filter.pageSize,
          total: stock.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
      <AddVehicleDialog open={adding} onClose={() => setAdding(false)} />
      {editing ? (
        <EditVehicleDialog key={editing.id} vehicle={editing} onClose={() => setEditing(null)} />
      ) : null}
    </Flex>
  );
};
