import type { TCustomer, TDuplicateCustomerDetails, TNewLead } from '@qianke/contracts/customers';
import type { Role } from '@qianke/core/accounts/roles';
import { customerScopeOf } from '@qianke/core/customers/visibility';
import { Alert, App, Button, Card, Flex, Form, Select, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { paths } from '@/lib/paths';
import { useAddCustomerLead } from '../api/add-customer-lead';
import { isDuplicateCustomer } from '../api/capture-request';
import { useCreateCustomer } from '../api/create-customer';
import { useFormOptions } from '../api/get-form-options';
import { applyCustomerFieldErrors } from './customer-field-errors';
import { DuplicateDialog } from './duplicate-dialog';
import { LeadFields, type LeadValues, leadBody } from './lead-fields';
import { ProfileFields, type ProfileValues, profileBody } from './profile-fields';

type NewCustomerValues = ProfileValues & { ownerId?: string | null; lead: LeadValues };

type NewCustomerFormProps = {
  viewer: { userId: string; roles: readonly Role[] };
  onCreated?: (customer: TCustomer) => void;
};

const PROFILE_FIELDS = new Set([
  'name',
  'phone',
  'kind',
  'gender',
  'otherPhones',
  'region',
  'address',
  'occupation',
  'company',
  'currentCar',
  'budgetMin',
  'budgetMax',
  'paymentIntent',
  'ownerId',
  'lead',
]);

/**
 * Opens a customer card with its first inquiry. Works from the keyboard: the name has the focus, Tab
 * walks the fields, Enter saves. A phone the store knows opens a dialog: open that customer, or add this
 * inquiry to it.
 */
export const NewCustomerForm = ({ viewer, onCreated }: NewCustomerFormProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewCustomerValues>();
  const options = useFormOptions();
  const createCustomer = useCreateCustomer();
  const addLead = useAddCustomerLead();
  const [failure, setFailure] = useState<unknown>(null);
  const [duplicate, setDuplicate] = useState<{ existing: TDuplicateCustomerDetails; lead: TNewLead } | null>(
    null,
  );
  const storeScope = customerScopeOf(viewer.roles) === 'store';

  const submit = (values: NewCustomerValues) => {
    if (createCustomer.isPending) return;
    setFailure(null);
    const lead = leadBody(values.lead);
    createCustomer.mutate(
      { ...profileBody(values), ...(storeScope ? { ownerId: values.ownerId ?? null } : {}), lead },
      {
        onSuccess: (customer) => {
          void message.success(t('customers.form.created', { name: customer.name, cardNo: customer.cardNo }));
          onCreated?.(customer);
          void navigate(`${paths.customers}/${customer.id}`);
        },
        onError: (error) => {
          if (isDuplicateCustomer(error)) {
            addLead.reset();
            setDuplicate({ existing: error.existing, lead });
            return;
          }
          const placed = applyCustomerFieldErrors(form, error, t, (path) =>
            PROFILE_FIELDS.has(String(path[0])),
          );
          if (!placed) setFailure(error);
        },
      },
    );
  };

  const canOpen = (existing: TDuplicateCustomerDetails) => storeScope || existing.ownerId === viewer.userId;

  const addToExisting = () => {
    if (!duplicate || addLead.isPending) return;
    const { existing, lead } = duplicate;
    addLead.mutate(
      { customerId: existing.customerId, lead },
      {
        onSuccess: () => {
          void message.success(
            t('customers.duplicate.added', { name: existing.name, cardNo: existing.cardNo }),
          );
          setDuplicate(null);
          void navigate(canOpen(existing) ? `${paths.customers}/${existing.customerId}` : paths.customers);
        },
      },
    );
  };

  if (options.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (options.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={describeApiError(options.error, t)}
        action={
          <Button size="small" onClick={() => void options.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  return (
    <>
      <Form<NewCustomerValues>
        form={form}
        name="new-customer"
        layout="vertical"
        requiredMark="optional"
        initialValues={{ kind: 'person', otherPhones: [], lead: {} }}
        onFinish={submit}
        onValuesChange={() => setFailure(null)}
        data-testid="new-customer-form"
      >
        <Card title={t('customers.form.profileSection')} style={{ marginBottom: 16 }}>
          <ProfileFields autoFocus />
          {storeScope && (
            <Form.Item
              name="ownerId"
              label={t('customers.fields.owner')}
              extra={t('customers.form.ownerHint')}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                style={{ maxWidth: 320 }}
                options={options.data.owners.map((o) => ({
                  value: o.id,
                  label: o.consultantCode ? `${o.name} (${o.consultantCode})` : o.name,
                }))}
                data-testid="customer-owner"
              />
            </Form.Item>
          )}
        </Card>
        <Card title={t('customers.form.leadSection')} style={{ marginBottom: 16 }}>
          <LeadFields prefix={['lead']} series={options.data.series} />
        </Card>
        {failure !== null && (
          <div role="alert" style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={describeApiError(failure, t)} />
          </div>
        )}
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => void navigate(paths.customers)}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={createCustomer.isPending}
            data-testid="new-customer-submit"
          >
            {t('customers.form.submit')}
          </Button>
        </Flex>
      </Form>
      <DuplicateDialog
        existing={duplicate?.existing ?? null}
        canOpen={duplicate ? canOpen(duplicate.existing) : false}
        onOpen={() => duplicate && void navigate(`${paths.customers}/${duplicate.existing.customerId}`)}
        onAddLead={addToExisting}
        adding={addLead.isPending}
        failure={addLead.error}
        onClose={() => setDuplicate(null)}
      />
    </>
  );
};
