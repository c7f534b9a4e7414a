import { ZDisplayName, ZUsername } from '@qianke/contracts/accounts';
import type { TMe } from '@qianke/contracts/auth';
import { ZStoreCode, ZStoreName } from '@qianke/contracts/stores';
import { Alert, Button, Divider, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { matchFieldRule, passwordRule, schemaRule } from '@/lib/form-rules';
import { TimeZoneSelect } from '@/lib/time-zone-select';
import { DEFAULT_TIME_ZONE } from '@/lib/time-zones';
import { type SetupInput, useRunSetup } from '../api/run-setup';

type SetupValues = SetupInput & { confirmPassword: string };

const FIELD_NAMES = [
  'groupName',
  'storeName',
  'storeCode',
  'timeZone',
  'adminUsername',
  'adminDisplayName',
  'adminPassword',
] as const;

type SetupFormProps = {
  onDone: (me: TMe) => void;
  /** Someone finished the set-up meanwhile (409): the caller re-reads /meta and shows the login page. */
  onAlreadyDone: () => void;
};

export const SetupForm = ({ onDone, onAlreadyDone }: SetupFormProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<SetupValues>();
  const runSetup = useRunSetup();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  const submit = ({ confirmPassword: _confirm, ...values }: SetupValues) => {
    if (runSetup.isPending) return;
    setFailure(null);
    runSetup.mutate(
      {
        ...values,
        storeCode: values.storeCode.trim().toUpperCase(),
        adminUsername: values.adminUsername.trim(),
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (isApiError(error) && error.status === 409 && !error.fields) {
            setFailure({ error });
            return;
          }
          if (applyFieldErrors(form, error, t, { fieldNames: FIELD_NAMES })) return;
          setFailure({ error });
        },
      },
    );
  };

  const alreadyDone = failure && isApiError(failure.error) && failure.error.status === 409;

  return (
    <Form<SetupValues>
      form={form}
      name="setup"
      layout="vertical"
      requiredMark={false}
      initialValues={{ timeZone: DEFAULT_TIME_ZONE }}
      onFinish={submit}
      scrollToFirstError
    >
      <Divider titlePlacement="start">{t('setup.groupSection')}</Divider>
      <Form.Item
        name="groupName"
        label={t('setup.groupName')}
        rules={[{ required: true, message: t('validation.storeName') }, schemaRule(ZStoreName, t)]}
      >
        <Input autoFocus placeholder={t('setup.groupNamePlaceholder')} data-testid="setup-group-name" />
      </Form.Item>

      <Divider titlePlacement="start">{t('setup.storeSection')}</Divider>
      <Form.Item
        name="storeName"
        label={t('setup.storeName')}
        rules={[{ required: true, message: t('validation.storeName') }, schemaRule(ZStoreName, t)]}
      >
        <Input placeholder={t('setup.storeNamePlaceholder')} data-testid="setup-store-name" />
      </Form.Item>
      <Form.Item
        name="storeCode"
        label={t('setup.storeCode')}
        normalize={(value: string) => value.toUpperCase()}
        rules={[{ required: true, message: t('validation.storeCode') }, schemaRule(ZStoreCode, t)]}
      >
        <Input placeholder={t('setup.storeCodePlaceholder')} data-testid="setup-store-code" />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('setup.timeZone')}
        rules={[{ required: true, message: t('validation.timeZone') }]}
      >
        <TimeZoneSelect data-testid="setup-time-zone" />
      </Form.Item>

      <Divider titlePlacement="start">{t('setup.adminSection')}</Divider>
      <Form.Item
        name="adminUsername"
        label={t('setup.adminUsername')}
        normalize={(value: string) => value.toLowerCase()}
        rules={[{ required: true, message: t('validation.username') }, schemaRule(ZUsername, t)]}
      >
        <Input
          placeholder={t('setup.adminUsernamePlaceholder')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          data-testid="setup-admin-username"
        />
      </Form.Item>
      <Form.Item
        name="adminDisplayName"
        label={t('setup.adminDisplayName')}
        rules={[
          { required: true, message: t('validation.displayNameRequired') },
          schemaRule(ZDisplayName, t),
        ]}
      >
        <Input placeholder={t('setup.adminDisplayNamePlaceholder')} data-testid="setup-admin-display-name" />
      </Form.Item>
      <Form.Item
        name="adminPassword"
        label={t('setup.adminPassword')}
        dependencies={['adminUsername']}
        rules={[
          { required: true, message: t('auth.changePassword.newRequired') },
          ({ getFieldValue }) => passwordRule(t, () => getFieldValue('adminUsername')),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="setup-admin-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('setup.confirmPassword')}
        dependencies={['adminPassword']}
        rules={[
          { required: true, message: t('auth.changePassword.confirmRequired') },
          matchFieldRule('adminPassword', t),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="setup-confirm-password" />
      </Form.Item>

      {failure && (
        <Form.Item>
          <div role="alert">
            {alreadyDone ? (
              <Alert
                type="info"
                showIcon
                title={t('setup.alreadyDone')}
                action={
                  <Button size="small" type="primary" onClick={onAlreadyDone}>
                    {t('setup.goToLogin')}
                  </Button>
                }
              />
            ) : (
              <Alert type="error" showIcon title={describeApiError(failure.error, t)} />
            )}
          </div>
        </Form.Item>
      )}
      <Button
        type="primary"
        htmlType="submit"
        size="large"
        block
        loading={runSetup.isPending}
        data-testid="setup-submit"
      >
        {t('setup.submit')}
      </Button>
    </Form>
  );
};
