import type { TCustomerLead } from '@qianke/contracts/customers';
import { Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { catalogName, LevelTag, StatusTag, sourceName } from './customer-text';

/** Every inquiry of the customer, newest first. */
export const LeadsTable = ({ leads, timeZone }: { leads: TCustomerLead[]; timeZone: string }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const dash = <Typography.Text type="secondary">-</Typography.Text>;
  const columns: TableColumnsType<TCustomerLead> = [
    {
      key: 'createdAt',
      dataIndex: 'createdAt',
      title: t('customers.leads.createdAt'),
      render: (iso: string) => formatDateTime(iso, timeZone, language),
    },
    {
      key: 'interest',
      title: t('customers.leads.interest'),
      render: (_, lead) =>
        [catalogName(lead.series, language), lead.model?.name, catalogName(lead.colour, language)]
          .filter(Boolean)
          .join(' · ') || dash,
    },
    {
      key: 'source',
      title: t('customers.fields.source'),
      render: (_, lead) => sourceName(lead.source, language),
    },
    { key: 'channel', dataIndex: 'channel', title: t('customers.leads.channel') },
    {
      key: 'level',
      dataIndex: 'level',
      title: t('customers.fields.level'),
      render: (level: TCustomerLead['level']) => (level ? <LevelTag level={level} /> : dash),
    },
    {
      key: 'horizon',
      dataIndex: 'horizon',
      title: t('customers.fields.horizon'),
      render: (horizon: TCustomerLead['horizon']) => (horizon ? t(`customers.horizons.${horizon}`) : dash),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('customers.fields.status'),
      render: (status: TCustomerLead['status']) => <StatusTag status={status} t={t} />,
    },
    {
      key: 'owner',
      dataIndex: 'ownerName',
      title: t('customers.fields.owner'),
      render: (name) => name ?? dash,
    },
    {
      key: 'campaign',
      dataIndex: 'campaignCode',
      title: t('customers.fields.campaignCode'),
      render: (c) => c ?? dash,
    },
    { key: 'note', dataIndex: 'note', title: t('customers.fields.note'), render: (note) => note ?? dash },
  ];
  return (
    <Table<TCustomerLead>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={leads}
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="customer-leads"
    />
  );
};
