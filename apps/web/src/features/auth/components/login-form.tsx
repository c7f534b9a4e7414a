import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { TMe } from '@qianke/contracts/auth';
import { Alert, Button, Divider, Form, Input, type InputRef } from 'antd';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLogin } from '../api/login';
import { DemoAccounts } from './demo-accounts';

type LoginValues = { username: string; password: string };

type LoginFormProps = {
  showDemoAccounts: boolean;
  /** Called before the session is stored; the page then moves on by itself. */
  onLoggedIn?: (me: TMe) => void;
};

const failureText = (error: unknown, t: TFunction): string => {
  if (isApiError(error) && error.code === 'unauthenticated') return t('auth.login.invalidCredentials');
  if (isApiError(error) && error.code === 'forbidden') return t('auth.login.accountDisabled');
  return describeApiError(error, t);
};

export const LoginForm = ({ showDemoAccounts, onLoggedIn }: LoginFormProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const passwordRef = useRef<InputRef>(null);
  const loginMutation = useLogin({ onLoggedIn });
  // The error itself (not its text) so the message follows a language switch.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  const submit = (values: LoginValues) => {
    if (loginMutation.isPending) return;
    setFailure(null);
    loginMutation.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onError: (error) => {
          if (applyFieldErrors(form, error, t, { fieldNames: ['username', 'password'] })) return;
          setFailure({ error });
          form.setFieldValue('password', '');
          passwordRef.current?.focus();
        },
      },
    );
  };

  const pickDemoAccount = (username: string) => {
    form.setFields([
      { name: 'username', value: username, errors: [] },
      { name: 'password', errors: [] },
    ]);
    setFailure(null);
    passwordRef.current?.focus();
  };

  return (
    <>
      <Form<LoginValues>
        form={form}
        name="login"
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={() => setFailure(null)}
      >
        <Form.Item
          name="username"
          label={t('auth.login.username')}
          rules={[{ required: true, whitespace: true, message: t('auth.login.usernameRequired') }]}
        >
          <Input
            autoFocus
            size="large"
            prefix={<UserOutlined />}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('auth.login.password')}
          rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
        >
          <Input.Password
            ref={passwordRef}
            size="large"
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        {failure && (
          <Form.Item>
            <div role="alert" data-testid="login-error">
              <Alert type="error" showIcon title={failureText(failure.error, t)} />
            </div>
          </Form.Item>
        )}
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={loginMutation.isPending}
          data-testid="login-submit"
        >
          {t('auth.login.submit')}
        </Button>
      </Form>
      {showDemoAccounts && (
        <>
          <Divider />
          <DemoAccounts onPick={pickDemoAccount} />
        </>
      )}
    </>
  );
};
