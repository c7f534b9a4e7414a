import { Alert, App, Button, Form, Modal, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddCustomerLead } from '../api/add-customer-lead';
import { useFormOptions } from '../api/get-form-options';
import { applyCustomerFieldErrors } from './customer-field-errors';
import { describeCustomerError } from './customer-text';
import { LeadFields, type LeadValues, leadBody } from './lead-fields';

type AddLeadModalProps = {
  customerId: string;
  customerName: string;
  open: boolean;
  onClose: () => void;
};

/** A further inquiry of a known customer (a repeat inquiry is a new lead, never a new customer). */
export const AddLeadModal = ({ customerId, customerName, open, onClose }: AddLeadModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LeadValues>();
  const options = useFormOptions();
  const addLead = useAddCustomerLead();
  const [failure, setFailure] = useState<unknown>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: LeadValues) => {
    if (addLead.isPending) return;
    setFailure(null);
    addLead.mutate(
      { customerId, lead: leadBody(values) },
      {
        onSuccess: () => {
          void message.success(t('customers.addLead.saved'));
          close();
        },
        onError: (error) => {
          if (!applyCustomerFieldErrors(form, error, t, () => true)) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('customers.addLead.title', { name: customerName })}
      onCancel={close}
      width={720}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={addLead.isPending} data-testid="add-lead-submit">
            {t('customers.addLead.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<LeadValues>
          form={form}
          name="add-lead"
          layout="vertical"
          requiredMark="optional"
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="add-lead-dialog">
        {options.data ? <LeadFields prefix={[]} series={options.data.series} /> : <Skeleton active />}
        {failure !== null && (
          <div role="alert">
            <Alert type="error" showIcon title={describeCustomerError(failure, t)} />
          </div>
        )}
      </div>
    </Modal>
  );
};
