import type { TCallListName, TCallOutcome, TInvitationPurpose, TLoggedCall } from '@qianke/contracts/dcc';
import { CALL_OUTCOMES, OUTCOME_RULES } from '@qianke/core/dcc/calls';
import { INVITATION_PURPOSES } from '@qianke/core/dcc/invitations';
import { Alert, Button, Form, Input, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useDccOptions } from '../api/get-dcc-options';
import { useLogCall } from '../api/log-call';
import { placeFieldErrors } from './dcc-errors';
import { storeInstantIso } from './store-time';

type CallValues = {
  outcome: TCallOutcome;
  note?: string;
  nextCallAt?: string;
  invitationAt?: string;
  purpose?: TInvitationPurpose;
  consultantId?: string;
};

export type CallFormProps = {
  leadId: string;
  list: TCallListName;
  timeZone: string;
  onSaved: (logged: TLoggedCall) => void;
};

/** The call form beside the customer card: outcome, note, next call, and the invitation when invited. */
export const CallForm = ({ leadId, list, timeZone, onSaved }: CallFormProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallValues>();
  const outcome = Form.useWatch('outcome', form);
  const logCall = useLogCall();
  const options = useDccOptions();
  const [failure, setFailure] = useState<unknown>(null);
  const rule = outcome ? OUTCOME_RULES[outcome] : undefined;

  const submit = (values: CallValues) => {
    if (logCall.isPending) return;
    setFailure(null);
    const nextCallAt = values.nextCallAt ? storeInstantIso(values.nextCallAt, timeZone) : undefined;
    const scheduledAt = values.invitationAt ? storeInstantIso(values.invitationAt, timeZone) : undefined;
    // A promise rather than mutate callbacks: the list refetches and may unmount this form first.
    logCall
      .mutateAsync({
        leadId,
        list,
        outcome: values.outcome,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(nextCallAt && rule?.nextCall !== 'none' ? { nextCallAt } : {}),
        ...(values.outcome === 'invited' && scheduledAt
          ? {
              invitation: {
                scheduledAt,
                purpose: values.purpose ?? 'viewing',
                ...(values.consultantId ? { consultantId: values.consultantId } : {}),
              },
            }
          : {}),
      })
      .then(
        (logged) => {
          form.resetFields();
          onSaved(logged);
        },
        (error: unknown) => {
          if (placeFieldErrors(form, error, t)) return;
          setFailure(error);
        },
      );
  };

  return (
    <Form<CallValues>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ purpose: 'viewing' }}
      data-testid="call-form"
      data-lead-id={leadId}
    >
      <Form.Item
        name="outcome"
        label={t('dcc.form.outcome')}
        rules={[{ required: true, message: t('dcc.form.required') }]}
      >
        <Radio.Group>
          {CALL_OUTCOMES.map((code) => (
            <Radio.Button key={code} value={code}>
              <span data-testid={`call-outcome-${code}`}>{t(`dcc.outcomes.${code}`)}</span>
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="note" label={t('dcc.form.note')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="call-note" />
      </Form.Item>
      {rule && rule.nextCall !== 'none' ? (
        <Form.Item
          name="nextCallAt"
          label={t('dcc.form.nextCallAt')}
          extra={
            rule.nextCall === 'default' && rule.defaultMinutes
              ? t('dcc.form.nextCallDefault', { hours: rule.defaultMinutes / 60 })
              : undefined
          }
          rules={rule.nextCall === 'required' ? [{ required: true, message: t('dcc.form.required') }] : []}
        >
          <Input type="datetime-local" data-testid="call-next-at" />
        </Form.Item>
      ) : null}
      {outcome === 'invited' ? (
        <div data-testid="invitation-form">
          <Form.Item
            name="invitationAt"
            label={t('dcc.form.invitationAt')}
            rules={[{ required: true, message: t('dcc.form.required') }]}
          >
            <Input type="datetime-local" data-testid="invitation-at" />
          </Form.Item>
          <Form.Item name="purpose" label={t('dcc.form.purpose')}>
            <Radio.Group data-testid="invitation-purpose">
              {INVITATION_PURPOSES.map((p) => (
                <Radio key={p} value={p}>
                  <span data-testid={`invitation-purpose-${p}`}>{t(`invitations.purposes.${p}`)}</span>
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item name="consultantId" label={t('dcc.form.consultant')}>
            <Select
              allowClear
              placeholder={t('dcc.form.noConsultant')}
              loading={options.isPending}
              options={(options.data?.consultants ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="invitation-consultant"
            />
          </Form.Item>
        </div>
      ) : null}
      {failure ? (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={describeApiError(failure, t)} />
      ) : null}
      <Space>
        <Button type="primary" htmlType="submit" loading={logCall.isPending} data-testid="call-submit">
          {t('dcc.form.submit')}
        </Button>
      </Space>
    </Form>
  );
};
