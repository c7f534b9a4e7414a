import type { TStockVehicle } from '@qianke/contracts/vehicles';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCatalog } from '../api/get-catalog';
import { useUpdateStockVehicle } from '../api/update-stock-vehicle';

type Values = { colourId?: string | null; arrivedOn?: Dayjs | null; note?: string };

/** Change a car in stock: its colour, arrival day and note (the VIN and the model stay). */
export const EditVehicleDialog = ({ vehicle, onClose }: { vehicle: TStockVehicle; onClose: () => void }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<Values>();
  const catalog = useCatalog();
  const update = useUpdateStockVehicle();
  const [failure, setFailure] = useState<unknown>(null);
  const configuration = catalog.data?.items.find((c) => c.id === vehicle.configuration.id);

  const submit = (values: Values) => {
    if (update.isPending) return;
    setFailure(null);
    update.mutate(
      {
        id: vehicle.id,
        body: {
          version: vehicle.version,
          colourId: values.colourId ?? null,
          arrivedOn: values.arrivedOn ? values.arrivedOn.format('YYYY-MM-DD') : null,
          note: values.note?.trim() || null,
        },
      },
      {
        onSuccess: onClose,
        onError: (error) => {
          const placed = applyFieldErrors(form, error, t, { fieldNames: ['colourId', 'arrivedOn', 'note'] });
          if (!placed) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('vehicles.edit.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose} data-testid="stock-edit-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={update.isPending} data-testid="stock-edit-submit">
            {t('vehicles.edit.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{
            colourId: vehicle.colour?.id ?? null,
            arrivedOn: vehicle.arrivedOn ? dayjs(vehicle.arrivedOn) : null,
            note: vehicle.note ?? '',
          }}
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="stock-edit-dialog">
        <Typography.Paragraph>
          <Typography.Text code>{vehicle.vin}</Typography.Text>{' '}
          {`${vehicle.configuration.seriesName} ${vehicle.configuration.modelName} ${vehicle.configuration.name}`}
        </Typography.Paragraph>
        <Form.Item name="colourId" label={t('vehicles.fields.colour')}>
          <Select
            allowClear
            loading={catalog.isPending}
            options={(configuration?.colours ?? []).map((c) => ({
              value: c.id,
              label: language === 'en' ? (c.nameEn ?? c.name) : c.name,
            }))}
            data-testid="stock-edit-colour"
          />
        </Form.Item>
        <Form.Item name="arrivedOn" label={t('vehicles.fields.arrivedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('vehicles.fields.note')}>
          <Input maxLength={200} data-testid="stock-edit-note" />
        </Form.Item>
        {failure !== null && (
          <div role="alert">
            <Alert
              type="error"
              showIcon
              title={
                hasErrorCode(failure, 'stale_version')
                  ? t('vehicles.edit.stale')
                  : describeApiError(failure, t)
              }
            />
          </div>
        )}
      </div>
    </Modal>
  );
};
