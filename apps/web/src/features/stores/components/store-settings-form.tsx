import type { TStore } from '@qianke/contracts/stores';
import { ZStoreCode, ZStoreName, ZStoreTime, ZUnassignedAlertMinutes } from '@qianke/contracts/stores';
import { openingHoursProblem } from '@qianke/core/assignment/unassigned-alert';
import { Alert, App, Button, Divider, Flex, Form, Input, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { schemaRule } from '@/lib/form-rules';
import { TimeZoneSelect } from '@/lib/time-zone-select';
import { useStore } from '../api/get-store';
import { useUpdateStore } from '../api/update-store';

type StoreValues = {
  name: string;
  code: string;
  timeZone: string;
  opensAt: string;
  closesAt: string;
  unassignedAlertMinutes: number | null;
};

const valuesOf = (store: TStore): StoreValues => ({
  name: store.name,
  code: store.code,
  timeZone: store.timeZone,
  opensAt: store.opensAt,
  closesAt: store.closesAt,
  unassignedAlertMinutes: store.unassignedAlertMinutes,
});

const FIELD_NAMES = ['name', 'code', 'timeZone', 'opensAt', 'closesAt', 'unassignedAlertMinutes'] as const;

type StoreSettingsFormProps = {
  storeId: string;
  onSaved?: (store: TStore) => void;
};

export const StoreSettingsForm = ({ storeId, onSaved }: StoreSettingsFormProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<StoreValues>();
  const storeQuery = useStore(storeId);
  const updateStore = useUpdateStore(storeId);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const store = storeQuery.data;

  // Show what the server holds whenever it is (re)loaded, e.g. after a switch of store or a reload.
  useEffect(() => {
    if (store) form.setFieldsValue(valuesOf(store));
  }, [store, form]);

  if (storeQuery.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (storeQuery.isError || !store) {
    return (
      <Alert
        type="error"
        showIcon
        title={describeApiError(storeQuery.error, t)}
        action={
          <Button size="small" onClick={() => void storeQuery.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }

  const submit = (values: StoreValues) => {
    if (updateStore.isPending) return;
    setFailure(null);
    updateStore.mutate(
      {
        version: store.version,
        name: values.name.trim(),
        code: values.code.trim().toUpperCase(),
        timeZone: values.timeZone,
        opensAt: values.opensAt.trim(),
        closesAt: values.closesAt.trim(),
        ...(values.unassignedAlertMinutes === null
          ? {}
          : { unassignedAlertMinutes: values.unassignedAlertMinutes }),
      },
      {
        onSuccess: (saved) => {
          void message.success(t('storeSettings.saved'));
          form.setFieldsValue(valuesOf(saved));
          onSaved?.(saved);
        },
        onError: (error) => {
          if (!hasErrorCode(error, 'stale_version')) {
            const placed = applyFieldErrors(form, error, t, {
              fieldNames: FIELD_NAMES,
              conflictTexts: { code: t('validation.storeCodeTaken') },
            });
            if (placed) return;
          }
          setFailure({ error });
        },
      },
    );
  };

  const reload = async () => {
    setFailure(null);
    const result = await storeQuery.refetch();
    if (result.data) form.setFieldsValue(valuesOf(result.data));
  };

  const stale = failure && hasErrorCode(failure.error, 'stale_version');

  return (
    <Form<StoreValues>
      form={form}
      name="store-settings"
      layout="vertical"
      requiredMark={false}
      initialValues={valuesOf(store)}
      onFinish={submit}
      style={{ maxWidth: 560 }}
    >
      <Form.Item label={t('storeSettings.group')}>
        <Typography.Text data-testid="store-group-name">{store.groupName}</Typography.Text>
      </Form.Item>
      <Form.Item
        name="name"
        label={t('storeSettings.name')}
        rules={[{ required: true, message: t('validation.storeName') }, schemaRule(ZStoreName, t)]}
      >
        <Input autoFocus data-testid="store-name" />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('storeSettings.code')}
        extra={t('storeSettings.codeHint')}
        normalize={(value: string) => value.toUpperCase()}
        rules={[{ required: true, message: t('validation.storeCode') }, schemaRule(ZStoreCode, t)]}
      >
        <Input data-testid="store-code" />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('storeSettings.timeZone')}
        extra={t('storeSettings.timeZoneHint')}
        rules={[{ required: true, message: t('validation.timeZone') }]}
      >
        <TimeZoneSelect data-testid="store-time-zone" />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('storeSettings.hoursTitle')}
      </Divider>
      <Flex gap={16} wrap>
        <Form.Item
          name="opensAt"
          label={t('storeSettings.opensAt')}
          rules={[
            { required: true, message: t('validation.localTime', { example: '09:00' }) },
            schemaRule(ZStoreTime, t),
          ]}
        >
          <Input style={{ width: 120 }} placeholder="09:00" maxLength={5} data-testid="store-opens-at" />
        </Form.Item>
        <Form.Item
          name="closesAt"
          label={t('storeSettings.closesAt')}
          dependencies={['opensAt']}
          rules={[
            { required: true, message: t('validation.localTime', { example: '18:00' }) },
            schemaRule(ZStoreTime, t),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                const opensAt = getFieldValue('opensAt');
                const valid = (v: unknown): v is string => ZStoreTime.safeParse(v).success;
                if (valid(opensAt) && valid(value) && openingHoursProblem({ opensAt, closesAt: value }))
                  throw new Error(t('validation.openBeforeClose'));
              },
            }),
          ]}
        >
          <Input style={{ width: 120 }} placeholder="18:00" maxLength={5} data-testid="store-closes-at" />
        </Form.Item>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: -16 }}>
        {t('storeSettings.hoursHint')}
      </Typography.Paragraph>
      <Form.Item
        name="unassignedAlertMinutes"
        label={t('storeSettings.alertMinutes')}
        extra={t('storeSettings.alertMinutesHint')}
        rules={[
          { required: true, message: t('validation.alertMinutes') },
          schemaRule(ZUnassignedAlertMinutes, t),
        ]}
      >
        <InputNumber
          min={1}
          max={1440}
          precision={0}
          suffix={t('storeSettings.minutes')}
          style={{ width: 160 }}
          data-testid="store-alert-minutes"
        />
      </Form.Item>
      {failure && (
        <Form.Item>
          <div role="alert" data-testid="store-settings-error">
            <Alert
              type={stale ? 'warning' : 'error'}
              showIcon
              title={stale ? t('storeSettings.stale') : describeApiError(failure.error, t)}
              action={
                stale ? (
                  <Button size="small" onClick={() => void reload()} data-testid="store-settings-reload">
                    {t('common.reload')}
                  </Button>
                ) : undefined
              }
            />
          </div>
        </Form.Item>
      )}
      <Button
        type="primary"
        htmlType="submit"
        loading={updateStore.isPending}
        data-testid="store-settings-save"
      >
        {t('common.save')}
      </Button>
    </Form>
  );
};
