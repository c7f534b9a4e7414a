import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import type { TOrder } from '@qianke/contracts/orders';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { paths } from '@/lib/paths';
import { useConfirmOrder } from '../api/confirm-order';
import { useOrder } from '../api/get-order';
import { usePayDeposit } from '../api/pay-deposit';
import { CancelDialog } from './cancel-dialog';
import { DeliverDialog } from './deliver-dialog';
import { OrderForm } from './order-form';
import { OrderStatusTag } from './order-status-tag';
import { money, orderErrorText, vehicleText } from './order-text';

export type OrderDetailProps = {
  orderId: string;
  timeZone: string;
  canManage: boolean;
  canDeliver: boolean;
};

/** One order with what can happen next: confirm, record the deposit, deliver, cancel, print. */
export const OrderDetail = ({ orderId, timeZone, canManage, canDeliver }: OrderDetailProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const order = useOrder(orderId);
  const confirm = useConfirmOrder();
  const payDeposit = usePayDeposit();
  const [dialog, setDialog] = useState<'deliver' | 'cancel' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);

  if (order.isPending) return <Skeleton active />;
  if (order.isError) return <Alert type="error" showIcon title={orderErrorText(order.error, t)} />;
  const o: TOrder = order.data;
  const when = (iso: string | null) => formatDateTime(iso, timeZone, language) ?? '—';
  const act = (mutation: typeof confirm, done: string) => {
    setFailure(null);
    mutation.mutate(
      { id: o.id, body: { version: o.version } },
      { onSuccess: () => void message.success(done), onError: setFailure },
    );
  };
  const live = o.status === 'draft' || o.status === 'confirmed';

  if (editing && o.status === 'draft')
    return (
      <Card title={t('orders.edit.title', { orderNo: o.orderNo })} data-testid="order-edit">
        <OrderForm
          customer={null}
          order={o}
          onCreated={() => {
            setEditing(false);
            void message.success(t('orders.edit.saved'));
          }}
          onCancel={() => setEditing(false)}
        />
      </Card>
    );

  return (
    <Flex vertical gap={16} data-testid="order-detail">
      <Card
        title={
          <Space>
            <span data-testid="order-no">{o.orderNo}</span>
            <OrderStatusTag status={o.status} testId="order-status" />
          </Space>
        }
        extra={
          <Space wrap>
            {canManage && o.status === 'draft' ? (
              <Button
                icon={<EditOutlined />}
                onClick={() => {
                  setFailure(null);
                  setEditing(true);
                }}
                data-testid="order-edit-open"
              >
                {t('orders.actions.edit')}
              </Button>
            ) : null}
            {canManage && o.status === 'draft' ? (
              <Button
                type="primary"
                loading={confirm.isPending}
                onClick={() => act(confirm, t('orders.confirmed'))}
                data-testid="order-confirm"
              >
                {t('orders.actions.confirm')}
              </Button>
            ) : null}
            {canManage && live && !o.depositPaidAt ? (
              <Popconfirm
                title={t('orders.actions.payDepositConfirm', { amount: money(o.deposit, language) })}
                onConfirm={() => act(payDeposit, t('orders.depositPaid'))}
                okButtonProps={{ 'data-testid': 'order-pay-deposit-ok' } as never}
              >
                <Button
                  loading={payDeposit.isPending}
                  disabled={o.deposit <= 0}
                  data-testid="order-pay-deposit"
                >
                  {t('orders.actions.payDeposit')}
                </Button>
              </Popconfirm>
            ) : null}
            {canDeliver && o.status === 'confirmed' ? (
              <Button type="primary" onClick={() => setDialog('deliver')} data-testid="order-deliver">
                {t('orders.actions.deliver')}
              </Button>
            ) : null}
            {canManage && live ? (
              <Button danger onClick={() => setDialog('cancel')} data-testid="order-cancel">
                {t('orders.actions.cancel')}
              </Button>
            ) : null}
            <Link to={`${paths.orders}/${o.id}/sheet`} data-testid="order-print">
              <Button icon={<PrinterOutlined />}>{t('orders.actions.print')}</Button>
            </Link>
          </Space>
        }
      >
        {failure !== null && (
          <div role="alert" style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={orderErrorText(failure, t)} />
          </div>
        )}
        <Descriptions column={{ xs: 1, md: 2, lg: 3 }} size="small" bordered>
          <Descriptions.Item label={t('orders.fields.customer')}>
            <Link to={`${paths.customers}/${o.customer.id}`}>
              {o.customer.name} {o.customer.cardNo}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.phone')}>{o.customer.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.consultant')}>{o.consultant.name}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.vehicle')}>{vehicleText(o)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.vin')}>{o.vin ?? t('orders.noVin')}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.expectedDeliveryOn')}>
            {o.expectedDeliveryOn ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.price')}>{money(o.price, language)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.discount')}>
            {money(o.discount, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.netPrice')}>
            {money(o.netPrice, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.deposit')}>
            <span data-testid="order-deposit-state">
              {money(o.deposit, language)} ·{' '}
              {o.depositPaidAt
                ? t('orders.depositPaidAt', { at: when(o.depositPaidAt) })
                : t('orders.depositUnpaid')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.balance')}>
            {money(o.balance, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.paymentMethod')}>
            {t(`orders.payment.${o.paymentMethod}`)}
            {o.paymentMethod === 'loan'
              ? ` · ${[o.loanBank, o.loanStatus ? t(`orders.loanStatus.${o.loanStatus}`) : null].filter(Boolean).join(' ')}`
              : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.tradeIn')}>
            {o.tradeIn
              ? [
                  o.tradeIn.brand,
                  o.tradeIn.model,
                  o.tradeIn.year,
                  o.tradeIn.mileageKm != null ? `${o.tradeIn.mileageKm.toLocaleString(language)} km` : null,
                  o.tradeIn.valuation != null ? money(o.tradeIn.valuation, language) : null,
                ]
                  .filter((x) => x !== null && x !== undefined && x !== '')
                  .join(' · ')
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.orderedAt')}>{when(o.orderedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.confirmedAt')}>{when(o.confirmedAt)}</Descriptions.Item>
          {o.status === 'delivered' ? (
            <>
              <Descriptions.Item label={t('orders.fields.deliveredAt')}>
                {when(o.deliveredAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.fields.plateNo')}>{o.plateNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('orders.fields.licensedOn')}>
                {o.licensedOn ?? '—'}
              </Descriptions.Item>
            </>
          ) : null}
          {o.status === 'cancelled' ? (
            <>
              <Descriptions.Item label={t('orders.fields.cancelledAt')}>
                {when(o.cancelledAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.fields.cancelReason')}>{o.cancelReason}</Descriptions.Item>
            </>
          ) : null}
          {o.note ? <Descriptions.Item label={t('orders.fields.note')}>{o.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <DeliverDialog order={o} open={dialog === 'deliver'} onClose={() => setDialog(null)} />
      <CancelDialog order={o} open={dialog === 'cancel'} onClose={() => setDialog(null)} />
    </Flex>
  );
};
