import type { TAssignLeadsResult } from '@qianke/contracts/assignment';
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useAssignLeads } from '../api/assign-leads';
import { AssigneeSelect } from './assignee-select';

type AssignValues = { ownerId: string; note?: string };

type AssignDialogProps = {
  /** The leads to assign; the dialog is open while there are any. */
  leadIds: readonly string[];
  /** For one lead: whose it is, shown in the title. */
  customerName?: string | undefined;
  /** Who owns them now, if one person does: not offered again. */
  currentOwnerId?: string | null | undefined;
  onClose: () => void;
  onAssigned: (result: TAssignLeadsResult, ownerName: string) => void;
};

/** Assign (or reassign) one or many leads to a consultant, DCC agent or CRM specialist. */
export const AssignDialog = ({
  leadIds,
  customerName,
  currentOwnerId,
  onClose,
  onAssigned,
}: AssignDialogProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const assign = useAssignLeads();
  const [failure, setFailure] = useState<unknown>(null);
  const [ownerName, setOwnerName] = useState('');

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: AssignValues) => {
    if (assign.isPending) return;
    setFailure(null);
    assign.mutate(
      { leadIds: [...leadIds], ownerId: values.ownerId, note: values.note?.trim() || null },
      {
        onSuccess: (result) => onAssigned(result, ownerName),
        onError: (error) => {
          if (!applyFieldErrors(form, error, t, { fieldNames: ['ownerId', 'note'] })) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={leadIds.length > 0}
      title={
        leadIds.length === 1 && customerName
          ? t('distribution.assign.titleOne', { name: customerName })
          : t('distribution.assign.title', { count: leadIds.length })
      }
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={assign.isPending} data-testid="assign-submit">
            {t('distribution.assign.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<AssignValues>
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
      <div data-testid="assign-dialog">
        <Typography.Paragraph type="secondary">{t('distribution.assign.hint')}</Typography.Paragraph>
        <Form.Item
          name="ownerId"
          label={t('distribution.assign.owner')}
          rules={[{ required: true, message: t('distribution.assign.ownerRequired') }]}
        >
          <AssigneeSelect
            excludeIds={currentOwnerId ? [currentOwnerId] : []}
            data-testid="assign-owner"
            onNameChange={setOwnerName}
          />
        </Form.Item>
        <Form.Item name="note" label={t('distribution.assign.note')}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="assign-note" />
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
