import { CrownOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCustomer } from '@qianke/contracts/customers';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Popconfirm,
  Row,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCustomer } from '../api/get-customer';
import { usePromoteToFleet } from '../api/promote-to-fleet';
import { AddLeadModal } from './add-lead-modal';
import { describeCustomerError, LevelTag, StatusTag, sourceName } from './customer-text';
import { CustomerTimeline } from './customer-timeline';
import { EditCustomerModal } from './edit-customer-modal';
import { LeadsTable, type LeadsTableProps } from './leads-table';
import { PhoneReveal } from './phone-reveal';

type CustomerDetailProps = {
  customerId: string;
  timeZone: string;
  canEdit: boolean;
  canAddLead: boolean;
  /** Managers promote customers to fleet customers. */
  canPromote: boolean;
} & Pick<LeadsTableProps, 'renderAssignmentReason' | 'renderLeadActions'>;

const money = (value: number | null, language: string) =>
  value === null ? null : `¥${value.toLocaleString(language)}`;

/** Customer 360: the profile card, every inquiry, and one timeline of everything that happened. */
export const CustomerDetail = ({
  customerId,
  timeZone,
  canEdit,
  canAddLead,
  canPromote,
  renderAssignmentReason,
  renderLeadActions,
}: CustomerDetailProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const query = useCustomer(customerId);
  const promote = usePromoteToFleet();
  const [editing, setEditing] = useState(false);
  const [addingLead, setAddingLead] = useState(false);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (query.isError) {
    return (
      <Alert
        type={hasErrorCode(query.error, 'not_found') ? 'warning' : 'error'}
        showIcon
        title={describeCustomerError(query.error, t)}
        data-testid="customer-load-error"
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const customer: TCustomer = query.data;
  const dash = <Typography.Text type="secondary">-</Typography.Text>;
  const budget =
    customer.budgetMin !== null || customer.budgetMax !== null
      ? `${money(customer.budgetMin, language) ?? ''} – ${money(customer.budgetMax, language) ?? ''}`
      : null;

  const toFleet = () =>
    promote.mutate(
      { id: customer.id, version: customer.version },
      {
        onSuccess: () => void message.success(t('customers.fleet.promoted', { name: customer.name })),
        onError: (error) =>
          void message.error(
            hasErrorCode(error, 'stale_version') ? t('customers.stale') : describeCustomerError(error, t),
          ),
      },
    );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="customer-detail">
      <Card
        title={
          <Space size={8} wrap>
            <span data-testid="customer-title">{customer.name}</span>
            <Typography.Text type="secondary" data-testid="customer-card-no">
              {customer.cardNo}
            </Typography.Text>
            <LevelTag level={customer.level} />
            <StatusTag status={customer.status} t={t} />
            {customer.fleet && <Tag color="gold">{t('customers.fleet.tag')}</Tag>}
            {customer.kind === 'company' && <Tag>{t('customers.kind.company')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            {canAddLead && (
              <Button
                icon={<PlusOutlined />}
                onClick={() => setAddingLead(true)}
                data-testid="customer-add-lead"
              >
                {t('customers.addLead.button')}
              </Button>
            )}
            {canEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('customers.edit.button')}
              </Button>
            )}
            {canPromote && !customer.fleet && (
              <Popconfirm
                title={t('customers.fleet.confirmTitle', { name: customer.name })}
                description={t('customers.fleet.confirmText')}
                okText={t('customers.fleet.promote')}
                cancelText={t('common.cancel')}
                onConfirm={toFleet}
              >
                <Button
                  icon={<CrownOutlined />}
                  loading={promote.isPending}
                  data-testid="customer-promote-fleet"
                >
                  {t('customers.fleet.promote')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: 'phone',
              label: t('customers.fields.phone'),
              children: <PhoneReveal customer={customer} />,
            },
            {
              key: 'gender',
              label: t('customers.fields.gender'),
              children: customer.gender ? t(`customers.gender.${customer.gender}`) : dash,
            },
            { key: 'region', label: t('customers.fields.region'), children: customer.region ?? dash },
            { key: 'address', label: t('customers.fields.address'), children: customer.address ?? dash },
            {
              key: 'occupation',
              label: t('customers.fields.occupation'),
              children: customer.occupation ?? dash,
            },
            { key: 'company', label: t('customers.fields.company'), children: customer.company ?? dash },
            {
              key: 'currentCar',
              label: t('customers.fields.currentCar'),
              children: customer.currentCar ?? dash,
            },
            { key: 'budget', label: t('customers.fields.budget'), children: budget ?? dash },
            {
              key: 'payment',
              label: t('customers.fields.paymentIntent'),
              children: customer.paymentIntent ? t(`customers.payment.${customer.paymentIntent}`) : dash,
            },
            {
              key: 'source',
              label: t('customers.fields.source'),
              children: sourceName(customer.source, language) ?? dash,
            },
            {
              key: 'owner',
              label: t('customers.fields.owner'),
              children: customer.ownerName ?? <Tag>{t('customers.detail.pool')}</Tag>,
            },
            {
              key: 'next',
              label: t('customers.fields.nextContactAt'),
              children: formatDateTime(customer.nextContactAt, timeZone, language) ?? dash,
            },
            {
              key: 'created',
              label: t('customers.fields.createdAt'),
              children: formatDateTime(customer.createdAt, timeZone, language),
            },
          ]}
        />
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={t('customers.detail.leads', { count: customer.leads.length })}>
            <LeadsTable
              leads={customer.leads}
              timeZone={timeZone}
              renderAssignmentReason={renderAssignmentReason}
              renderLeadActions={renderLeadActions}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('customers.detail.timeline')}>
            <CustomerTimeline customerId={customer.id} timeZone={timeZone} />
          </Card>
        </Col>
      </Row>
      <EditCustomerModal customer={customer} open={editing} onClose={() => setEditing(false)} />
      <AddLeadModal
        customerId={customer.id}
        customerName={customer.name}
        open={addingLead}
        onClose={() => setAddingLead(false)}
      />
    </Space>
  );
};
