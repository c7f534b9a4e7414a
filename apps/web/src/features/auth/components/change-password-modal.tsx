import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { matchFieldRule, passwordRule } from '@/lib/form-rules';
import { useChangePassword } from '../api/change-password';

type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

type ChangePasswordModalProps = {
  open: boolean;
  /** After login with a new or reset password: the dialog cannot be dismissed, only completed. */
  forced: boolean;
  username: string;
  onClose: () => void;
  /** Offered in the forced dialog, the only way out besides changing the password. */
  onLogout?: () => void;
};

export const ChangePasswordModal = ({
  open,
  forced,
  username,
  onClose,
  onLogout,
}: ChangePasswordModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  const submit = (values: ChangePasswordValues) => {
    if (changePassword.isPending) return;
    setFailure(null);
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t('auth.changePassword.success'));
          onClose();
        },
        onError: (error) => {
          if (applyFieldErrors(form, error, t, { fieldNames: ['currentPassword', 'newPassword'] })) return;
          setFailure({ error });
        },
      },
    );
  };

  const cancel = () => {
    if (!forced) onClose();
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword.title')}
      closable={!forced}
      mask={{ closable: !forced }}
      keyboard={!forced}
      onCancel={cancel}
      destroyOnHidden
      footer={
        <>
          {forced && onLogout ? (
            <Button type="link" onClick={onLogout} style={{ float: 'left', paddingInline: 0 }}>
              {t('header.logout')}
            </Button>
          ) : null}
          {forced ? null : <Button onClick={onClose}>{t('common.cancel')}</Button>}
          <Button
            type="primary"
            htmlType="submit"
            loading={changePassword.isPending}
            data-testid="change-password-submit"
          >
            {t('auth.changePassword.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<ChangePasswordValues>
          form={form}
          name="change-password"
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
      <div data-testid="change-password-dialog">
        {forced && (
          <Typography.Paragraph type="warning" data-testid="change-password-forced">
            {t('auth.changePassword.forcedNotice')}
          </Typography.Paragraph>
        )}
        {/* Lets password managers tie the new password to the account. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label={t('auth.changePassword.currentPassword')}
          rules={[{ required: true, message: t('auth.changePassword.currentRequired') }]}
        >
          <Input.Password autoFocus autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.changePassword.newPassword')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('auth.changePassword.newRequired') },
            passwordRule(t, () => username),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: unknown) => {
                if (value && value === getFieldValue('currentPassword')) {
                  throw new Error(t('auth.changePassword.sameAsCurrent'));
                }
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('auth.changePassword.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('auth.changePassword.confirmRequired') },
            matchFieldRule('newPassword', t),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        {failure && (
          <Typography.Paragraph type="danger" role="alert">
            {describeApiError(failure.error, t)}
          </Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
};
