import type { TUser } from '@qianke/contracts/accounts';
import { Alert, App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { matchFieldRule, passwordRule } from '@/lib/form-rules';
import { useLastPresent } from '@/lib/use-last-present';
import { useResetUserPassword } from '../api/reset-user-password';

type ResetPasswordValues = { newPassword: string; confirmPassword: string };

type ResetPasswordModalProps = {
  /** Whose password is reset; null keeps the dialog closed. */
  user: TUser | null;
  onClose: () => void;
};

export const ResetPasswordModal = ({ user, onClose }: ResetPasswordModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ResetPasswordValues>();
  const resetPassword = useResetUserPassword();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const shown = useLastPresent(user);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: ResetPasswordValues) => {
    if (!user || resetPassword.isPending) return;
    setFailure(null);
    resetPassword.mutate(
      { userId: user.id, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.resetPassword.success', { name: user.displayName }));
          close();
        },
        onError: (error) => {
          const placed = applyFieldErrors(form, error, t, {
            fieldNames: ['newPassword'],
          });
          if (!placed) setFailure({ error });
        },
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPassword.title', { name: shown?.displayName ?? '' })}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger
            htmlType="submit"
            loading={resetPassword.isPending}
            data-testid="reset-password-submit"
          >
            {t('users.resetPassword.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<ResetPasswordValues>
          form={form}
          name="reset-password"
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="reset-password-dialog">
        <Typography.Paragraph type="secondary">{t('users.resetPassword.notice')}</Typography.Paragraph>
        {/* Lets password managers tie the new password to the right account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={user?.username ?? ''}
          readOnly
          hidden
        />
        <Form.Item
          name="newPassword"
          label={t('users.resetPassword.newPassword')}
          rules={[
            { required: true, message: t('auth.changePassword.newRequired') },
            passwordRule(t, () => user?.username),
          ]}
        >
          <Input.Password autoFocus autoComplete="new-password" data-testid="reset-new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('users.resetPassword.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.changePassword.confirmRequired') },
            matchFieldRule('newPassword', t),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-confirm-password" />
        </Form.Item>
        {failure && (
          <div role="alert">
            <Alert type="error" showIcon title={describeApiError(failure.error, t)} />
          </div>
        )}
      </div>
    </Modal>
  );
};
