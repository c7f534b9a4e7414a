import { Alert, Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCreateStockVehicle } from '../api/create-stock-vehicle';
import { useCatalog } from '../api/get-catalog';

type Values = {
  vin: string;
  configurationId: string;
  colourId?: string;
  arrivedOn?: Dayjs | null;
  note?: string;
};

const VIN_SHAPE = /^[A-HJ-NPR-Z0-9]{17}$/;

/** The server's VIN sentences (core/vehicles/vin.ts) in the reader's language. */
const vinText = (message: string, t: TFunction): string => {
  const check = /should be ([0-9X]), not (\S)/.exec(message);
  if (check) return t('vehicles.add.vinCheckDigit', { expected: check[1], actual: check[2] });
  if (/^A VIN has 17 characters/.test(message)) return t('vehicles.add.vinShape');
  if (/^A VIN uses digits and capital letters/.test(message)) return t('vehicles.add.vinShape');
  return message;
};

/** Add a car to the stock by VIN: the server checks the check digit and says which one it expects. */
export const AddVehicleDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<Values>();
  const catalog = useCatalog();
  const create = useCreateStockVehicle();
  const [failure, setFailure] = useState<unknown>(null);
  const configurationId = Form.useWatch('configurationId', form);
  const configuration = catalog.data?.items.find((c) => c.id === configurationId);

  const submit = (values: Values) => {
    setFailure(null);
    create.mutate(
      {
        vin: values.vin,
        configurationId: values.configurationId,
        colourId: values.colourId ?? null,
        arrivedOn: values.arrivedOn ? values.arrivedOn.format('YYYY-MM-DD') : null,
        note: values.note?.trim() || null,
      },
      {
        onSuccess: () => {
          form.resetFields();
          onClose();
        },
        onError: (error) => {
          const vinProblem = isApiError(error) && error.code !== 'conflict' ? error.fields?.vin : undefined;
          if (vinProblem) {
            form.setFields([{ name: 'vin', errors: [vinText(vinProblem, t)] }]);
            return;
          }
          const placed = applyFieldErrors(form, error, t, {
            fieldNames: ['vin', 'configurationId', 'colourId', 'arrivedOn', 'note'],
            conflictTexts: { vin: t('vehicles.add.vinTaken') },
          });
          if (!placed) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('vehicles.add.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="stock-add-submit">
            {t('vehicles.add.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<Values>
          form={form}
          layout="vertical"
          clearOnDestroy
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="stock-add-dialog">
        <Form.Item
          name="vin"
          label={t('vehicles.fields.vin')}
          normalize={(value: string) => value.replace(/\s+/g, '').toUpperCase()}
          rules={[
            { required: true, message: t('vehicles.add.vinRequired') },
            { pattern: VIN_SHAPE, message: t('vehicles.add.vinShape') },
          ]}
        >
          <Input maxLength={17} showCount style={{ fontFamily: 'monospace' }} data-testid="stock-add-vin" />
        </Form.Item>
        <Form.Item
          name="configurationId"
          label={t('vehicles.fields.configuration')}
          rules={[{ required: true, message: t('vehicles.add.configurationRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={catalog.isPending}
            onChange={() => form.setFieldValue('colourId', undefined)}
            options={(catalog.data?.items ?? []).map((c) => ({
              value: c.id,
              label: `${language === 'en' ? (c.series.nameEn ?? c.series.name) : c.series.name} ${c.model.name} ${c.name} · ¥${c.guidePrice.toLocaleString(language)}`,
            }))}
            data-testid="stock-add-configuration"
          />
        </Form.Item>
        <Form.Item name="colourId" label={t('vehicles.fields.colour')}>
          <Select
            allowClear
            disabled={!configuration}
            options={(configuration?.colours ?? []).map((c) => ({
              value: c.id,
              label: language === 'en' ? (c.nameEn ?? c.name) : c.name,
            }))}
            data-testid="stock-add-colour"
          />
        </Form.Item>
        <Form.Item name="arrivedOn" label={t('vehicles.fields.arrivedOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('vehicles.fields.note')}>
          <Input maxLength={200} />
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
