import type { TUser } from '@qianke/contracts/accounts';
import { ZConsultantCode, ZDisplayName } from '@qianke/contracts/accounts';
import type { Role } from '@qianke/core/accounts/roles';
import { Alert, App, Button, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { schemaRule } from '@/lib/form-rules';
import { useLastPresent } from '@/lib/use-last-present';
import { useUser } from '../api/get-user';
import { useUpdateUser } from '../api/update-user';
import { RoleSelect } from './role-select';

type EditUserValues = { displayName: string; roles: Role[]; consultantCode?: string };

const valuesOf = (user: TUser): EditUserValues => ({
  displayName: user.displayName,
  roles: user.roles,
  consultantCode: user.consultantCode ?? '',
});

type EditUserModalProps = {
  /** The user being edited; null keeps the dialog closed. */
  userId: string | null;
  onClose: () => void;
};

export const EditUserModal = ({ userId, onClose }: EditUserModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditUserValues>();
  const userQuery = useUser(userId);
  const updateUser = useUpdateUser();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const user = userQuery.data;
  const shownName = useLastPresent(user?.displayName);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: EditUserValues) => {
    if (!user || updateUser.isPending) return;
    setFailure(null);
    const consultantCode = values.consultantCode?.trim().toUpperCase();
    updateUser.mutate(
      {
        userId: user.id,
        body: {
          version: user.version,
          displayName: values.displayName.trim(),
          roles: values.roles,
          consultantCode: consultantCode || null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('users.edit.success'));
          close();
        },
        onError: (error) => {
          if (!hasErrorCode(error, 'stale_version')) {
            const placed = applyFieldErrors(form, error, t, {
              fieldNames: ['displayName', 'roles', 'consultantCode'],
              conflictTexts: { consultantCode: t('validation.consultantCodeTaken') },
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
    const result = await userQuery.refetch();
    if (result.data) form.setFieldsValue(valuesOf(result.data));
  };

  const stale = failure && hasErrorCode(failure.error, 'stale_version');
  // Wait for a fresh read after opening: the version sent back must belong to the values shown.
  const ready = user && user.id === userId && userQuery.isFetchedAfterMount;

  return (
    <Modal
      open={userId !== null}
      title={t('users.edit.title', { name: shownName ?? '' })}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            disabled={!ready}
            loading={updateUser.isPending}
            data-testid="edit-user-submit"
          >
            {t('common.save')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<EditUserValues>
          form={form}
          name="edit-user"
          layout="vertical"
          requiredMark="optional"
          clearOnDestroy
          onFinish={submit}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="edit-user-dialog">
        {userQuery.isError ? (
          <Alert
            type="error"
            showIcon
            title={describeApiError(userQuery.error, t)}
            action={
              <Button size="small" onClick={() => void userQuery.refetch()}>
                {t('common.retry')}
              </Button>
            }
          />
        ) : !ready ? (
          <Skeleton active paragraph={{ rows: 4 }} />
        ) : (
          <EditUserFields user={user} />
        )}
        {failure && (
          <div role="alert" style={{ marginTop: 16 }}>
            <Alert
              type={stale ? 'warning' : 'error'}
              showIcon
              title={stale ? t('users.stale') : describeApiError(failure.error, t)}
              action={
                stale ? (
                  <Button size="small" onClick={() => void reload()}>
                    {t('common.reload')}
                  </Button>
                ) : undefined
              }
            />
          </div>
        )}
      </div>
    </Modal>
  );
};

/** Mounted once the user is freshly loaded, so the fields start from the server's values and autofocus works. */
const EditUserFields = ({ user }: { user: TUser }) => {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Paragraph>
        <Typography.Text type="secondary">{t('users.form.username')}: </Typography.Text>
        <Typography.Text code data-testid="edit-user-username">
          {user.username}
        </Typography.Text>
      </Typography.Paragraph>
      <Form.Item
        name="displayName"
        label={t('users.form.displayName')}
        initialValue={user.displayName}
        rules={[
          { required: true, message: t('validation.displayNameRequired') },
          schemaRule(ZDisplayName, t),
        ]}
      >
        <Input autoFocus autoComplete="off" data-testid="edit-user-display-name" />
      </Form.Item>
      <Form.Item
        name="roles"
        label={t('users.form.roles')}
        initialValue={user.roles}
        rules={[{ required: true, type: 'array', min: 1, message: t('validation.rolesRequired') }]}
      >
        <RoleSelect data-testid="edit-user-roles" />
      </Form.Item>
      <Form.Item
        name="consultantCode"
        label={t('users.form.consultantCode')}
        extra={t('users.form.consultantCodeHint')}
        initialValue={user.consultantCode ?? ''}
        normalize={(value: string) => value.toUpperCase()}
        rules={[schemaRule(ZConsultantCode, t)]}
      >
        <Input
          maxLength={3}
          autoComplete="off"
          style={{ width: 120 }}
          data-testid="edit-user-consultant-code"
        />
      </Form.Item>
    </>
  );
};
