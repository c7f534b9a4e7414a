import type { TSourceNode } from '@qianke/contracts/sources';
import { ZSourceCode, ZSourceName } from '@qianke/contracts/sources';
import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { schemaRule } from '@/lib/form-rules';
import { useCreateSource } from '../api/create-source';
import { useUpdateSource } from '../api/update-source';

type SourceValues = { code: string; nameZh: string; nameEn: string };

/** Adding a node under `parent` (none: a channel), or renaming `node`. */
export type SourceFormTarget =
  | { mode: 'add'; parent: TSourceNode | null }
  | { mode: 'rename'; node: TSourceNode };

type SourceFormModalProps = { target: SourceFormTarget | null; onClose: () => void };

export const SourceFormModal = ({ target, onClose }: SourceFormModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SourceValues>();
  const create = useCreateSource();
  const update = useUpdateSource();
  const [failure, setFailure] = useState<unknown>(null);
  const pending = create.isPending || update.isPending;

  useEffect(() => {
    if (target?.mode === 'rename') form.setFieldsValue(target.node);
  }, [target, form]);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const onError = (error: unknown) => {
    const placed =
      !hasErrorCode(error, 'stale_version') &&
      applyFieldErrors(form, error, t, {
        fieldNames: ['code', 'nameZh', 'nameEn'],
        conflictTexts: { code: t('sources.codeTaken') },
      });
    if (!placed) setFailure(error);
  };

  const submit = (values: SourceValues) => {
    if (!target || pending) return;
    setFailure(null);
    const names = { nameZh: values.nameZh.trim(), nameEn: values.nameEn.trim() };
    if (target.mode === 'add') {
      create.mutate(
        { parentId: target.parent?.id ?? null, code: values.code.trim().toLowerCase(), ...names },
        {
          onSuccess: () => {
            void message.success(t('sources.added'));
            close();
          },
          onError,
        },
      );
    } else {
      update.mutate(
        { id: target.node.id, body: { version: target.node.version, ...names } },
        {
          onSuccess: () => {
            void message.success(t('sources.saved'));
            close();
          },
          onError,
        },
      );
    }
  };

  const title =
    target?.mode === 'rename'
      ? t('sources.renameTitle')
      : target?.parent
        ? t('sources.addChildTitle', { parent: target.parent.nameZh })
        : t('sources.addChannelTitle');

  return (
    <Modal
      open={target !== null}
      title={title}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="source-submit">
            {t('common.save')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<SourceValues>
          form={form}
          name="source"
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
          clearOnDestroy
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="source-dialog">
        <Form.Item
          name="nameZh"
          label={t('sources.nameZh')}
          rules={[
            { required: true, whitespace: true, message: t('sources.nameRequired') },
            schemaRule(ZSourceName, t),
          ]}
        >
          <Input autoFocus maxLength={40} autoComplete="off" data-testid="source-name-zh" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('sources.nameEn')}
          rules={[
            { required: true, whitespace: true, message: t('sources.nameRequired') },
            schemaRule(ZSourceName, t),
          ]}
        >
          <Input maxLength={40} autoComplete="off" data-testid="source-name-en" />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('sources.code')}
          extra={target?.mode === 'rename' ? t('sources.codeFixed') : t('sources.codeHint')}
          normalize={(value: string) => value.toLowerCase()}
          rules={
            target?.mode === 'rename'
              ? []
              : [
                  { required: true, message: t('sources.codeHint') },
                  schemaRule(ZSourceCode, t, t('sources.codeHint')),
                ]
          }
        >
          <Input
            maxLength={40}
            autoComplete="off"
            spellCheck={false}
            disabled={target?.mode === 'rename'}
            data-testid="source-code"
          />
        </Form.Item>
        {failure !== null && (
          <div role="alert">
            <Alert
              type="error"
              showIcon
              title={
                hasErrorCode(failure, 'stale_version') ? t('sources.stale') : describeApiError(failure, t)
              }
            />
          </div>
        )}
      </div>
    </Modal>
  );
};
