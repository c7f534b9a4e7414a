import type { TInvitation, TInvitationPurpose } from '@qianke/contracts/dcc';
import { INVITATION_PURPOSES } from '@qianke/core/dcc/invitations';
import { Alert, Button, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useCreateInvitation } from '../api/create-invitation';
import { useInvitationOptions } from '../api/get-invitation-options';
import { useReinvite } from '../api/reinvite';
import { placeInvitationErrors } from './invitation-text';
import { storeInstantIso } from './store-time';

type Values = { scheduledAt: string; purpose: TInvitationPurpose; consultantId?: string; note?: string };

export type InvitationTarget = { leadId: string } | { reinviteOf: TInvitation };

export type InvitationFormDialogProps = {
  target: InvitationTarget | null;
  timeZone: string;
  onClose: () => void;
  onSaved?: (invitation: TInvitation) => void;
};

/** Books an invitation for a lead, or re-invites after a no-show. */
export const InvitationFormDialog = ({ target, timeZone, onClose, onSaved }: InvitationFormDialogProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const options = useInvitationOptions();
  const create = useCreateInvitation();
  const reinvite = useReinvite();
  const [failure, setFailure] = useState<unknown>(null);
  const pending = create.isPending || reinvite.isPending;
  const previous = target && 'reinviteOf' in target ? target.reinviteOf : null;

  const submit = (values: Values) => {
    if (!target || pending) return;
    setFailure(null);
    const body = {
      scheduledAt: storeInstantIso(values.scheduledAt, timeZone) ?? values.scheduledAt,
      purpose: values.purpose,
      ...(values.consultantId ? { consultantId: values.consultantId } : {}),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    };
    const handlers = {
      onSuccess: (invitation: TInvitation) => {
        form.resetFields();
        onSaved?.(invitation);
        onClose();
      },
      onError: (error: unknown) => {
        if (!placeInvitationErrors(form, error, t)) setFailure(error);
      },
    };
    if ('reinviteOf' in target) reinvite.mutate({ id: target.reinviteOf.id, body }, handlers);
    else create.mutate({ leadId: target.leadId, ...body }, handlers);
  };

  return (
    <Modal
      open={target !== null}
      title={previous ? t('invitations.reinviteTitle') : t('invitations.formTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={pending}
          onClick={() => form.submit()}
          data-testid="invitation-submit"
        >
          {t('invitations.submit')}
        </Button>,
      ]}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{
          purpose: previous?.purpose ?? 'viewing',
          ...(previous?.consultant ? { consultantId: previous.consultant.id } : {}),
        }}
        data-testid="invitation-form"
      >
        <Form.Item
          name="scheduledAt"
          label={t('invitations.scheduledAt')}
          rules={[{ required: true, message: t('dcc.form.required') }]}
        >
          <Input type="datetime-local" data-testid="invitation-at" />
        </Form.Item>
        <Form.Item name="purpose" label={t('invitations.purpose')}>
          <Radio.Group data-testid="invitation-purpose">
            {INVITATION_PURPOSES.map((p) => (
              <Radio key={p} value={p}>
                <span data-testid={`invitation-purpose-${p}`}>{t(`invitations.purposes.${p}`)}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="consultantId" label={t('invitations.consultant')}>
          <Select
            allowClear
            placeholder={t('dcc.form.noConsultant')}
            loading={options.isPending}
            options={(options.data?.consultants ?? []).map((c) => ({ value: c.id, label: c.name }))}
            data-testid="invitation-consultant"
          />
        </Form.Item>
        <Form.Item name="note" label={t('invitations.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {failure ? <Alert type="error" showIcon title={describeApiError(failure, t)} /> : null}
      </Form>
    </Modal>
  );
};
