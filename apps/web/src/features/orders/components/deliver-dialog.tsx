import type { TOrder } from '@qianke/contracts/orders';
import { Alert, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '@/lib/form-errors';
import { useDeliverOrder } from '../api/deliver-order';
import { orderErrorText } from './order-text';

type Values = { plateNo?: string; licensedOn?: Dayjs | null };

/** Hand the car over: plate and registration day (both may follow later); the customer becomes an owner. */
export const DeliverDialog = ({
  order,
  open,
  onClose,
}: {
  order: TOrder;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const deliver = useDeliverOrder();
  const [failure, setFailure] = useState<unknown>(null);

  const submit = (values: Values) => {
    setFailure(null);
    deliver.mutate(
      {
        id: order.id,
        body: {
          version: order.version,
          plateNo: values.plateNo?.trim() || null,
          licensedOn: values.licensedOn ? values.licensedOn.format('YYYY-MM-DD') : null,
        },
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (!applyFieldErrors(form, error, t, { fieldNames: ['plateNo', 'licensedOn'] })) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('orders.deliver.title', { orderNo: order.orderNo })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={deliver.isPending}
            data-testid="order-deliver-submit"
          >
            {t('orders.deliver.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<Values> form={form} layout="vertical" clearOnDestroy onFinish={submit}>
          {dom}
        </Form>
      )}
    >
      <div data-testid="order-deliver-dialog">
        <Typography.Paragraph type="secondary">{t('orders.deliver.hint')}</Typography.Paragraph>
        <Form.Item name="plateNo" label={t('orders.fields.plateNo')}>
          <Input maxLength={20} placeholder="沪A·12345" data-testid="order-deliver-plate" />
        </Form.Item>
        <Form.Item name="licensedOn" label={t('orders.fields.licensedOn')}>
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
            data-testid="order-deliver-licensed-on"
          />
        </Form.Item>
        {failure !== null && (
          <div role="alert">
            <Alert type="error" showIcon title={orderErrorText(failure, t)} />
          </div>
        )}
      </div>
    </Modal>
  );
};
