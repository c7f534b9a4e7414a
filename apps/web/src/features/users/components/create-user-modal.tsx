import type { TUser } from '@qianke/contracts/accounts';
import { ZConsultantCode, ZDisplayName, ZUsername } from '@qianke/contracts/accounts';
import type { Role } from '@qianke/core/accounts/roles';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { passwordRule, schemaRule } from '@/lib/form-rules';
import { useCreateUser } from '../api/create-user';
import { RoleSelect } from './role-select';

type CreateUserValues = {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  consultantCode?: string;
};

type CreateUserModalProps = {
  open: boolean;
  onClose: () => void;
  onCreated: (user: TUser) => void;
};

export const CreateUserModal = ({ open, onClose, onCreated }: CreateUserModalProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateUserValues>();
  const createUser = useCreateUser();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: CreateUserValues) => {
    if (createUser.isPending) return;
    setFailure(null);
    const consultantCode = values.consultantCode?.trim().toUpperCase();
    createUser.mutate(
      {
        username: values.username.trim().toLowerCase(),
        displayName: values.displayName.trim(),
        password: values.password,
        roles: values.roles,
        consultantCode: consultantCode || null,
      },
      {
        onSuccess: (user) => {
          setFailure(null);
          onCreated(user);
        },
        onError: (error) => {
          const placed = applyFieldErrors(form, error, t, {
            fieldNames: ['username', 'displayName', 'password', 'roles', 'consultantCode'],
            conflictTexts: {
              username: t('validation.usernameTaken'),
              consultantCode: t('validation.consultantCodeTaken'),
            },
          });
          if (!placed) setFailure({ error });
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('users.create.title')}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={createUser.isPending}
            data-testid="create-user-submit"
          >
            {t('users.create.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<CreateUserValues>
          form={form}
          name="create-user"
          layout="vertical"
          requiredMark="optional"
          clearOnDestroy
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="create-user-dialog">
        <Form.Item
          name="username"
          label={t('users.form.username')}
          extra={t('users.form.usernameHint')}
          normalize={(value: string) => value.toLowerCase()}
          rules={[{ required: true, message: t('validation.username') }, schemaRule(ZUsername, t)]}
        >
          <Input
            autoFocus
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            data-testid="user-username"
          />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[
            { required: true, message: t('validation.displayNameRequired') },
            schemaRule(ZDisplayName, t),
          ]}
        >
          <Input autoComplete="off" data-testid="user-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.form.password')}
          extra={t('users.form.passwordHint')}
          dependencies={['username']}
          rules={[
            { required: true, message: t('auth.changePassword.newRequired') },
            ({ getFieldValue }) => passwordRule(t, () => getFieldValue('username')),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="user-password" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('users.form.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('validation.rolesRequired') }]}
        >
          <RoleSelect data-testid="user-roles" />
        </Form.Item>
        <Form.Item
          name="consultantCode"
          label={t('users.form.consultantCode')}
          extra={t('users.form.consultantCodeHint')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[schemaRule(ZConsultantCode, t)]}
        >
          <Input maxLength={3} autoComplete="off" style={{ width: 120 }} data-testid="user-consultant-code" />
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
