import { CopyOutlined } from '@ant-design/icons';
import { type TCreatedApiKey, ZApiKeyName } from '@qianke/contracts/intake';
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { schemaRule } from '@/lib/form-rules';
import { useCreateApiKey } from '../api/create-api-key';

type CreateApiKeyValues = { name: string };

type CreateApiKeyModalProps = {
  open: boolean;
  onClose: () => void;
};

/**
 * Names a new key, then shows the whole key once, with a copy button: Qianke keeps only its hash, so
 * closing this dialog is the last chance to see it.
 */
export const CreateApiKeyModal = ({ open, onClose }: CreateApiKeyModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateApiKeyValues>();
  const createKey = useCreateApiKey();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const [created, setCreated] = useState<TCreatedApiKey | null>(null);
  const keyField = useRef<HTMLInputElement>(null);

  const close = () => {
    setFailure(null);
    setCreated(null);
    onClose();
  };

  const submit = (values: CreateApiKeyValues) => {
    if (createKey.isPending) return;
    setFailure(null);
    createKey.mutate(
      { name: values.name.trim() },
      {
        onSuccess: (key) => setCreated(key),
        onError: (error) => {
          if (!applyFieldErrors(form, error, t, { fieldNames: ['name'] })) setFailure({ error });
        },
      },
    );
  };

  const copy = async () => {
    if (!created) return;
    try {
      // The clipboard API needs a secure page (HTTPS or localhost); else copy the selected text.
      if (navigator.clipboard) await navigator.clipboard.writeText(created.key);
      else {
        keyField.current?.select();
        if (!document.execCommand('copy')) throw new Error('copy refused');
      }
      void message.success(t('apiKeys.created.copied'));
    } catch {
      keyField.current?.select();
      void message.warning(t('apiKeys.created.copyManually'));
    }
  };

  if (created) {
    return (
      <Modal
        open={open}
        title={t('apiKeys.created.title', { name: created.name })}
        onCancel={close}
        destroyOnHidden
        mask={{ closable: false }}
        footer={
          <Button type="primary" onClick={close} data-testid="created-api-key-done">
            {t('apiKeys.created.done')}
          </Button>
        }
      >
        <div data-testid="created-api-key-dialog">
          <Alert type="warning" showIcon title={t('apiKeys.created.warning')} style={{ marginBottom: 16 }} />
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={(input) => {
                keyField.current = input?.input ?? null;
              }}
              readOnly
              value={created.key}
              aria-label={t('apiKeys.created.keyLabel')}
              onFocus={(event) => event.target.select()}
              style={{ fontFamily: 'monospace' }}
              data-testid="created-api-key"
            />
            <Button icon={<CopyOutlined />} onClick={() => void copy()} data-testid="copy-api-key">
              {t('apiKeys.created.copy')}
            </Button>
          </Space.Compact>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('apiKeys.created.howToUse')}
          </Typography.Paragraph>
        </div>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      title={t('apiKeys.create.title')}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={createKey.isPending}
            data-testid="create-api-key-submit"
          >
            {t('apiKeys.create.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<CreateApiKeyValues>
          form={form}
          name="create-api-key"
          layout="vertical"
          clearOnDestroy
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="create-api-key-dialog">
        <Form.Item
          name="name"
          label={t('apiKeys.create.name')}
          extra={t('apiKeys.create.nameHint')}
          rules={[
            { required: true, whitespace: true, message: t('apiKeys.create.nameRequired') },
            schemaRule(ZApiKeyName, t, t('validation.maxChars', { count: 60 })),
          ]}
        >
          <Input autoFocus autoComplete="off" maxLength={60} data-testid="api-key-name" />
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
