import type { TDefeatOutcome, TDefeatRequest } from '@qianke/contracts/defeat';
import { Alert, Button, Descriptions, Form, Input, Modal, Radio, Typography } from 'antd';
import type { ReactElement } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLanguage } from '@/lib/i18n/use-language';
import { useApproveRequest } from '../api/approve-request';
import { useRejectRequest } from '../api/reject-request';
import { defeatErrorText } from './defeat-error';

/** What the page's person picker is given; the form adds `value` and `onChange`. */
export type OwnerPickerProps = {
  /** Only CRM specialists (the nurturing pool). */
  role?: 'crm_specialist' | undefined;
  excludeIds: readonly string[];
  'data-testid': string;
};

type DecideValues = { outcome: TDefeatOutcome; newOwnerId?: string; managerNote?: string };

type DecideDialogProps = {
  decision: { request: TDefeatRequest; mode: 'approve' | 'reject' } | null;
  /** The person picker (with open leads and duty) the page composes in. */
  renderOwnerPicker: (props: OwnerPickerProps) => ReactElement;
  onClose: () => void;
  onDecided: (request: TDefeatRequest) => void;
};

/**
 * The manager's decision on a defeat request: approve (close as lost, hand to another owner, or move
 * to the nurturing pool) or reject with a note the consultant reads.
 */
export const DecideDialog = ({ decision, renderOwnerPicker, onClose, onDecided }: DecideDialogProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<DecideValues>();
  const approve = useApproveRequest();
  const reject = useRejectRequest();
  const [failure, setFailure] = useState<unknown>(null);
  const outcome = Form.useWatch('outcome', form) ?? 'lost';
  const pending = approve.isPending || reject.isPending;
  const request = decision?.request;
  const approving = decision?.mode === 'approve';

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: DecideValues) => {
    if (pending || !request) return;
    setFailure(null);
    const onError = (error: unknown) => {
      const placed = applyFieldErrors(form, error, t, {
        fieldNames: ['newOwnerId', 'managerNote', 'outcome'],
      });
      if (!placed) setFailure(error);
    };
    const managerNote = values.managerNote?.trim() || null;
    if (approving) {
      approve.mutate(
        {
          requestId: request.id,
          body: {
            outcome: values.outcome,
            newOwnerId: values.outcome === 'lost' ? null : (values.newOwnerId ?? null),
            managerNote,
          },
        },
        { onSuccess: onDecided, onError },
      );
    } else {
      reject.mutate(
        { requestId: request.id, body: { managerNote: managerNote ?? '' } },
        { onSuccess: onDecided, onError },
      );
    }
  };

  return (
    <Modal
      open={decision !== null}
      title={
        request
          ? t(approving ? 'defeat.decide.approveTitle' : 'defeat.decide.rejectTitle', {
              name: request.customer.name,
            })
          : ''
      }
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger={approving && outcome === 'lost'}
            htmlType="submit"
            loading={pending}
            data-testid="decide-submit"
          >
            {approving ? t('defeat.decide.approve') : t('defeat.decide.reject')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<DecideValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          clearOnDestroy
          initialValues={{ outcome: 'lost' }}
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      {request && (
        <div data-testid="decide-dialog">
          <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('defeat.columns.requestedBy')}>
              {request.requestedBy.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('defeat.columns.reason')}>
              {language === 'en' ? request.reason.nameEn : request.reason.nameZh}
              {request.competitorBrand
                ? ` · ${[request.competitorBrand, request.competitorModel].filter(Boolean).join(' ')}`
                : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('defeat.columns.note')}>{request.note ?? '-'}</Descriptions.Item>
          </Descriptions>
          {approving && (
            <>
              <Form.Item name="outcome" label={t('defeat.decide.outcome')} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  options={(['lost', 'reassigned', 'nurturing'] as const).map((value) => ({
                    value,
                    label: <span data-testid={`outcome-${value}`}>{t(`defeat.outcome.${value}`)}</span>,
                  }))}
                />
              </Form.Item>
              <Typography.Paragraph type="secondary">
                {t(`defeat.decide.explain.${outcome}`)}
              </Typography.Paragraph>
              {outcome === 'reassigned' && (
                <Form.Item
                  name="newOwnerId"
                  label={t('defeat.decide.newOwner')}
                  rules={[{ required: true, message: t('defeat.decide.ownerRequired') }]}
                >
                  {renderOwnerPicker({
                    excludeIds: request.owner ? [request.owner.id] : [],
                    'data-testid': 'decide-owner',
                  })}
                </Form.Item>
              )}
              {outcome === 'nurturing' && (
                <Form.Item
                  name="newOwnerId"
                  label={t('defeat.decide.nurturer')}
                  extra={t('defeat.decide.nurturerHint')}
                >
                  {renderOwnerPicker({
                    role: 'crm_specialist',
                    excludeIds: [],
                    'data-testid': 'decide-nurturer',
                  })}
                </Form.Item>
              )}
            </>
          )}
          <Form.Item
            name="managerNote"
            label={t('defeat.decide.note')}
            rules={
              approving
                ? []
                : [{ required: true, whitespace: true, message: t('defeat.decide.noteRequired') }]
            }
          >
            <Input.TextArea rows={3} maxLength={1000} showCount data-testid="decide-note" />
          </Form.Item>
          {failure !== null && (
            <div role="alert">
              <Alert type="error" showIcon title={defeatErrorText(failure, t)} />
            </div>
          )}
        </div>
      )}
    </Modal>
  );
};
