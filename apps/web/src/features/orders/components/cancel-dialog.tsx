import type { TOrder } from '@qianke/contracts/orders';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '@/lib/form-errors';
import { useCancelOrder } from '../api/cancel-order';
import { orderErrorText } from './order-text';

/** Cancel with a reason: the car goes back in stock and the lead back to the pipeline. */
export const CancelDialog = ({
  order,
  open,
  onClose,
}: {
  order: TOrder;
  open: boolean;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelOrder();
  const [failure, setFailure] = useState<unknown>(null);

  const submit = ({ reason }: { reason: string }) => {
    setFailure(null);
    cancel.mutate(
      { id: order.id, body: { version: order.version, reason: reason.trim() } },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (!applyFieldErrors(form, error, t, { fieldNames: ['reason'] })) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('orders.cancel.title', { orderNo: order.orderNo })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('orders.cancel.keep')}</Button>
          <Button
            danger
            type="primary"
            htmlType="submit"
            loading={cancel.isPending}
            data-testid="order-cancel-submit"
          >
            {t('orders.cancel.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form form={form} layout="vertical" clearOnDestroy onFinish={submit}>
          {dom}
        </Form>
      )}
    >
      <div data-testid="order-cancel-dialog">
        <Typography.Paragraph type="secondary">{t('orders.cancel.hint')}</Typography.Paragraph>
        <Form.Item
          name="reason"
          label={t('orders.fields.cancelReason')}
          rules={[{ required: true, whitespace: true, message: t('orders.cancel.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={300} showCount data-testid="order-cancel-reason" />
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
