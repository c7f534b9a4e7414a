import type { TCustomer } from '@qianke/contracts/customers';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { useUpdateCustomer } from '../api/update-customer';
import { applyCustomerFieldErrors } from './customer-field-errors';
import { describeCustomerError } from './customer-text';
import { ProfileFields, type ProfileValues, profileBody } from './profile-fields';

const valuesOf = (customer: TCustomer): ProfileValues => ({
  name: customer.name,
  // A masked number cannot be edited here: the field stays empty and is then not sent.
  phone: customer.phoneMasked ? '' : (customer.phone ?? ''),
  kind: customer.kind,
  gender: customer.gender,
  otherPhones: customer.otherPhones.map((p) => ({
    phone: p.phoneE164 ? (p.phone ?? '') : '',
    label: p.label ?? '',
  })),
  region: customer.region ?? '',
  address: customer.address ?? '',
  occupation: customer.occupation ?? '',
  company: customer.company ?? '',
  currentCar: customer.currentCar ?? '',
  budgetMin: customer.budgetMin,
  budgetMax: customer.budgetMax,
  paymentIntent: customer.paymentIntent,
});

type EditCustomerModalProps = {
  customer: TCustomer;
  open: boolean;
  onClose: () => void;
};

/** Edits the profile card; sends the version it read, so a change made meanwhile is not overwritten. */
export const EditCustomerModal = ({ customer, open, onClose }: EditCustomerModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const update = useUpdateCustomer();
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (open) form.setFieldsValue(valuesOf(customer));
  }, [open, customer, form]);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: ProfileValues) => {
    if (update.isPending) return;
    setFailure(null);
    const body = profileBody(values);
    update.mutate(
      {
        id: customer.id,
        body: {
          version: customer.version,
          ...body,
          // Masked numbers were not shown, so they are not sent back either.
          ...(customer.phoneMasked ? { phone: undefined, otherPhones: undefined } : {}),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('customers.edit.saved'));
          close();
        },
        onError: (error) => {
          if (!hasErrorCode(error, 'stale_version')) {
            const placed = applyCustomerFieldErrors(form, error, t, () => true);
            if (placed) return;
          }
          setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('customers.edit.title', { name: customer.name })}
      onCancel={close}
      width={760}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={update.isPending}
            data-testid="edit-customer-submit"
          >
            {t('common.save')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<ProfileValues>
          form={form}
          name="edit-customer"
          layout="vertical"
          requiredMark="optional"
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="edit-customer-dialog">
        {customer.phoneMasked && (
          <Alert type="info" showIcon title={t('customers.edit.maskedPhone')} style={{ marginBottom: 16 }} />
        )}
        <ProfileFields autoFocus phoneEditable={!customer.phoneMasked} />
        {failure !== null && (
          <div role="alert">
            <Alert
              type="error"
              showIcon
              title={
                hasErrorCode(failure, 'stale_version')
                  ? t('customers.stale')
                  : describeCustomerError(failure, t)
              }
            />
          </div>
        )}
      </div>
    </Modal>
  );
};
