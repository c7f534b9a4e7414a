import type { TReassignAllResult } from '@qianke/contracts/assignment';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useReassignAll } from '../api/reassign-all';
import { AssigneeSelect } from './assignee-select';

type ReassignAllValues = { fromUserId: string; toUserId: string; note?: string };

type ReassignAllDialogProps = {
  open: boolean;
  onClose: () => void;
  onDone: (result: TReassignAllResult, names: { from: string; to: string }) => void;
};

/** A departing colleague hands over every lead, task and customer to another, in one action. */
export const ReassignAllDialog = ({ open, onClose, onDone }: ReassignAllDialogProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReassignAllValues>();
  const reassign = useReassignAll();
  const [failure, setFailure] = useState<unknown>(null);
  const [names, setNames] = useState({ from: '', to: '' });
  const fromUserId = Form.useWatch('fromUserId', form);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: ReassignAllValues) => {
    if (reassign.isPending) return;
    setFailure(null);
    reassign.mutate(
      { fromUserId: values.fromUserId, toUserId: values.toUserId, note: values.note?.trim() || null },
      {
        onSuccess: (result) => onDone(result, names),
        onError: (error) => {
          if (!applyFieldErrors(form, error, t, { fieldNames: ['fromUserId', 'toUserId', 'note'] }))
            setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('distribution.reassignAll.title')}
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
            loading={reassign.isPending}
            data-testid="reassign-all-submit"
          >
            {t('distribution.reassignAll.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<ReassignAllValues>
          form={form}
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
      <div data-testid="reassign-all-dialog">
        <Typography.Paragraph type="secondary">{t('distribution.reassignAll.hint')}</Typography.Paragraph>
        <Form.Item
          name="fromUserId"
          label={t('distribution.reassignAll.from')}
          rules={[{ required: true, message: t('distribution.reassignAll.fromRequired') }]}
        >
          <AssigneeSelect
            includeDisabled
            data-testid="reassign-from"
            onNameChange={(from) => setNames((current) => ({ ...current, from }))}
          />
        </Form.Item>
        <Form.Item
          name="toUserId"
          label={t('distribution.reassignAll.to')}
          rules={[{ required: true, message: t('distribution.reassignAll.toRequired') }]}
        >
          <AssigneeSelect
            excludeIds={fromUserId ? [fromUserId] : []}
            data-testid="reassign-to"
            onNameChange={(to) => setNames((current) => ({ ...current, to }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('distribution.assign.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount />
        </Form.Item>
        {failure !== null && (
          <div role="alert">
            <Alert type="error" showIcon title={describeApiError(failure, t)} />
          </div>
        )}
      </div>
    </Modal>
  );
};
