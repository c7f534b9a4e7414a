import type { TDefeatRequest } from '@qianke/contracts/defeat';
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLanguage } from '@/lib/i18n/use-language';
import { useEligibleLeads } from '../api/get-eligible-leads';
import { useReasons } from '../api/get-reasons';
import { useRequestDefeat } from '../api/request-defeat';
import { defeatErrorText } from './defeat-error';

type RequestValues = {
  leadId?: string;
  reasonId: string;
  competitorBrand?: string;
  competitorModel?: string;
  note: string;
};

export type RequestDefeatDialogProps = {
  open: boolean;
  /** The lead to ask for (from a customer or lead page); without it the dialog offers one's own leads. */
  leadId?: string | null | undefined;
  /** How the lead is shown when given, e.g. "王先生 A01-26-0012 · 宋PLUS". */
  leadLabel?: string | undefined;
  onClose: () => void;
  onRequested: (request: TDefeatRequest) => void;
};

/**
 * Ask the sales manager to close a lead as lost (战败申请): a reason from the store's list, the
 * competitor's brand and model when the customer bought elsewhere, and what happened. Any page that
 * shows a lead may open it with the lead's id.
 */
export const RequestDefeatDialog = ({
  open,
  leadId,
  leadLabel,
  onClose,
  onRequested,
}: RequestDefeatDialogProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<RequestValues>();
  const reasons = useReasons();
  const request = useRequestDefeat();
  const [failure, setFailure] = useState<unknown>(null);
  const [search, setSearch] = useState('');
  const pickLead = !leadId;
  const eligible = useEligibleLeads(search.trim(), open && pickLead);
  const reasonId = Form.useWatch('reasonId', form);
  const activeReasons = (reasons.data?.items ?? []).filter((reason) => reason.active);
  const needsCompetitor = activeReasons.find((reason) => reason.id === reasonId)?.needsCompetitor ?? false;

  useEffect(() => {
    if (open) setFailure(null);
  }, [open]);

  const close = () => {
    setSearch('');
    onClose();
  };

  const submit = (values: RequestValues) => {
    const target = leadId ?? values.leadId;
    if (request.isPending || !target) return;
    setFailure(null);
    request.mutate(
      {
        leadId: target,
        body: {
          reasonId: values.reasonId,
          competitorBrand: values.competitorBrand?.trim() || null,
          competitorModel: values.competitorModel?.trim() || null,
          note: values.note.trim(),
        },
      },
      {
        onSuccess: (created) => {
          setSearch('');
          onRequested(created);
        },
        onError: (error) => {
          const placed = applyFieldErrors(form, error, t, {
            fieldNames: ['reasonId', 'competitorBrand', 'competitorModel', 'note'],
          });
          if (!placed) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('defeat.request.title')}
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
            loading={request.isPending}
            data-testid="defeat-request-submit"
          >
            {t('defeat.request.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<RequestValues>
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
      <div data-testid="defeat-request-dialog">
        <Typography.Paragraph type="secondary">{t('defeat.request.hint')}</Typography.Paragraph>
        {pickLead ? (
          <Form.Item
            name="leadId"
            label={t('defeat.request.lead')}
            rules={[{ required: true, message: t('defeat.request.leadRequired') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={eligible.isFetching}
              placeholder={t('defeat.request.leadPlaceholder')}
              notFoundContent={t('defeat.request.noLeads')}
              options={(eligible.data?.items ?? []).map((lead) => ({
                value: lead.leadId,
                label: [
                  lead.customerName,
                  lead.cardNo,
                  lead.series
                    ? language === 'en'
                      ? (lead.series.nameEn ?? lead.series.name)
                      : lead.series.name
                    : null,
                  lead.level,
                ]
                  .filter(Boolean)
                  .join(' · '),
              }))}
              data-testid="defeat-request-lead"
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('defeat.request.lead')}>
            <Typography.Text strong>{leadLabel ?? leadId}</Typography.Text>
          </Form.Item>
        )}
        <Form.Item
          name="reasonId"
          label={t('defeat.request.reason')}
          rules={[{ required: true, message: t('defeat.request.reasonRequired') }]}
        >
          <Select
            loading={reasons.isPending}
            options={activeReasons.map((reason) => ({
              value: reason.id,
              label: language === 'en' ? reason.nameEn : reason.nameZh,
            }))}
            data-testid="defeat-request-reason"
          />
        </Form.Item>
        <Form.Item
          name="competitorBrand"
          label={t('defeat.request.competitorBrand')}
          rules={[
            { required: needsCompetitor, whitespace: true, message: t('defeat.request.competitorRequired') },
          ]}
        >
          <Input
            maxLength={40}
            placeholder={t('defeat.request.brandPlaceholder')}
            data-testid="defeat-request-brand"
          />
        </Form.Item>
        <Form.Item name="competitorModel" label={t('defeat.request.competitorModel')}>
          <Input
            maxLength={60}
            placeholder={t('defeat.request.modelPlaceholder')}
            data-testid="defeat-request-model"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('defeat.request.note')}
          rules={[{ required: true, whitespace: true, message: t('defeat.request.noteRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount data-testid="defeat-request-note" />
        </Form.Item>
        {failure !== null && (
          <div role="alert">
            <Alert type="error" showIcon title={defeatErrorText(failure, t)} />
          </div>
        )}
      </div>
    </Modal>
  );
};
