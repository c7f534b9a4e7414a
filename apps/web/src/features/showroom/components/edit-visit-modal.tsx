import type { TVisit } from '@qianke/contracts/showroom';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n/use-language';
import { useShowroomOptions } from '../api/get-showroom-options';
import { useSuggestedConsultant } from '../api/get-suggested-consultant';
import { useUpdateVisit } from '../api/update-visit';
import { describeShowroomError, fieldErrorsOf, formatClock, seriesName } from './showroom-text';

type EditVisitValues = {
  partySize: number;
  consultantId?: string;
  seriesId?: string | null;
  closedOnSpot: boolean;
  note?: string;
};

const FIELDS = ['partySize', 'consultantId', 'seriesId', 'closedOnSpot', 'note'] as const;

type EditVisitModalProps = {
  /** The visit being corrected, as the log showed it; null keeps the dialog closed. */
  visit: TVisit | null;
  timeZone: string;
  onClose: () => void;
};

/** Corrects a logged visit (registration accuracy is the receptionist's KPI). */
export const EditVisitModal = ({ visit, timeZone, onClose }: EditVisitModalProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditVisitValues>();
  const updateVisit = useUpdateVisit();
  const options = useShowroomOptions();
  const rotation = useSuggestedConsultant();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: EditVisitValues) => {
    if (!visit || updateVisit.isPending) return;
    setFailure(null);
    updateVisit.mutate(
      {
        visitId: visit.id,
        body: {
          version: visit.version,
          partySize: values.partySize,
          ...(values.consultantId ? { consultantId: values.consultantId } : {}),
          seriesId: values.seriesId ?? null,
          closedOnSpot: values.closedOnSpot,
          note: values.note?.trim() || null,
        },
      },
      {
        onSuccess: () => {
          void message.success(t('showroom.edit.saved'));
          close();
        },
        onError: (error) => {
          if (!hasErrorCode(error, 'stale_version')) {
            const placed = fieldErrorsOf(error, t, FIELDS);
            if (placed.length > 0) {
              form.setFields(placed as Parameters<typeof form.setFields>[0]);
              return;
            }
          }
          setFailure({ error });
        },
      },
    );
  };

  return (
    <Modal
      open={visit !== null}
      title={t('showroom.edit.title', {
        time: visit ? formatClock(visit.arrivedAt, timeZone, language) : '',
      })}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={updateVisit.isPending}
            data-testid="edit-visit-submit"
          >
            {t('common.save')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<EditVisitValues>
          form={form}
          name="edit-visit"
          layout="vertical"
          clearOnDestroy
          initialValues={
            visit
              ? {
                  partySize: visit.partySize,
                  consultantId: visit.consultant?.id,
                  seriesId: visit.series?.id ?? null,
                  closedOnSpot: visit.closedOnSpot,
                  note: visit.note ?? '',
                }
              : undefined
          }
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="edit-visit-dialog">
        <Form.Item
          name="partySize"
          label={t('showroom.form.partySize')}
          rules={[
            { required: true, type: 'integer', min: 1, max: 20, message: t('showroom.errors.partySize') },
          ]}
        >
          <InputNumber min={1} max={20} precision={0} data-testid="edit-visit-party-size" />
        </Form.Item>
        <Form.Item name="consultantId" label={t('showroom.form.consultant')}>
          <Select
            options={(rotation.data?.consultants ?? []).map((c) => ({ value: c.id, label: c.name }))}
            loading={rotation.isPending}
            data-testid="edit-visit-consultant"
          />
        </Form.Item>
        <Form.Item name="seriesId" label={t('showroom.form.series')}>
          <Select
            allowClear
            placeholder={t('showroom.form.seriesPlaceholder')}
            options={(options.data?.series ?? []).map((s) => ({
              value: s.id,
              label: seriesName(s, language),
            }))}
            data-testid="edit-visit-series"
          />
        </Form.Item>
        <Form.Item name="closedOnSpot" valuePropName="checked">
          <Checkbox data-testid="edit-visit-closed">{t('showroom.visit.closedOnSpot')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('showroom.form.note')}>
          <Input.TextArea rows={2} maxLength={500} data-testid="edit-visit-note" />
        </Form.Item>
        {failure && (
          <div role="alert">
            <Alert
              type="error"
              showIcon
              title={
                hasErrorCode(failure.error, 'stale_version')
                  ? t('showroom.errors.stale')
                  : describeShowroomError(failure.error, t)
              }
            />
          </div>
        )}
      </div>
    </Modal>
  );
};
