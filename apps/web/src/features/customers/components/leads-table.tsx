import type { TAssignmentReason } from '@qianke/contracts/assignment';
import type { TCustomerLead } from '@qianke/contracts/customers';
import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { catalogName, LevelTag, StatusTag, sourceName, TemperatureTag } from './customer-text';

export type LeadsTableProps = {
  leads: TCustomerLead[];
  timeZone: string;
  /** "Why this owner" in words, composed by the page (assignment is another feature). */
  renderAssignmentReason?: ((reason: TAssignmentReason | null) => ReactNode) | undefined;
  /** Buttons for one lead, e.g. "change level", composed by the page. */
  renderLeadActions?: ((lead: TCustomerLead) => ReactNode) | undefined;
};

/** Every inquiry of the customer, newest first. */
export const LeadsTable = ({
  leads,
  timeZone,
  renderAssignmentReason,
  renderLeadActions,
}: LeadsTableProps) => {
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
      title: t('customers.fields.horizon'),
      render: (_, lead) =>
        lead.horizon ? (
          <span data-testid={`lead-horizon-${lead.id}`}>
            {t(`customers.horizons.${lead.horizon}`)} <TemperatureTag horizon={lead.horizon} t={t} />
          </span>
        ) : (
          dash
        ),
    },
    {
      key: 'man',
      title: t('customers.leads.man'),
      render: (_, lead) =>
        lead.manAction ? (
          <Flex gap={4} align="baseline" style={{ maxWidth: 280 }} data-testid={`lead-man-${lead.id}`}>
            <Tag color={lead.manAction.prospect ? 'green' : 'default'}>{lead.manAction.code}</Tag>
            <Typography.Text
              type={lead.manAction.prospect ? undefined : 'warning'}
              style={{ whiteSpace: 'normal' }}
            >
              {language === 'en' ? lead.manAction.en : lead.manAction.zh}
            </Typography.Text>
          </Flex>
        ) : (
          dash
        ),
    },
    {
      key: 'status',
      dataIndex: 'status',
      title: t('customers.fields.status'),
      render: (status: TCustomerLead['status']) => <StatusTag status={status} t={t} />,
    },
    {
      key: 'owner',
      title: t('customers.fields.owner'),
      render: (_, lead) => (
        <Flex vertical style={{ maxWidth: 280 }}>
          <span>{lead.ownerName ?? dash}</span>
          {renderAssignmentReason && (
            <Typography.Text
              type="secondary"
              style={{ fontSize: 12, whiteSpace: 'normal' }}
              data-testid={`lead-owner-why-${lead.id}`}
            >
              {renderAssignmentReason(lead.assignmentReason)}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      key: 'campaign',
      dataIndex: 'campaignCode',
      title: t('customers.fields.campaignCode'),
      render: (c) => c ?? dash,
    },
    { key: 'note', dataIndex: 'note', title: t('customers.fields.note'), render: (note) => note ?? dash },
    ...(renderLeadActions
      ? [
          {
            key: 'actions',
            title: t('customers.leads.actions'),
            fixed: 'right' as const,
            render: (_: unknown, lead: TCustomerLead) => renderLeadActions(lead),
          },
        ]
      : []),
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
