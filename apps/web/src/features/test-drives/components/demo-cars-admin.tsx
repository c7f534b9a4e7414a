import type { TDemoCar } from '@qianke/contracts/test-drives';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useCreateDemoCar } from '../api/create-demo-car';
import { useDemoCarOptions } from '../api/get-demo-car-options';
import { useDemoCars } from '../api/get-demo-cars';
import { useUpdateDemoCar } from '../api/update-demo-car';
import { placeFieldErrors, testDriveErrorText } from './test-drive-text';

type CarValues = {
  configurationId: string;
  colourId?: string | null;
  plateNo: string;
  vin?: string;
  note?: string;
};

const FIELD_OF = {
  configurationId: 'configurationId',
  colourId: 'colourId',
  plateNo: 'plateNo',
  vin: 'vin',
  note: 'note',
};

/** The store's demo cars: add, edit, retire and use again. */
export const DemoCarsAdmin = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [showRetired, setShowRetired] = useState(false);
  const cars = useDemoCars(showRetired);
  const [editing, setEditing] = useState<TDemoCar | 'new' | null>(null);
  const options = useDemoCarOptions(editing !== null);
  const create = useCreateDemoCar();
  const update = useUpdateDemoCar();
  const [form] = Form.useForm<CarValues>();
  const [failure, setFailure] = useState<unknown>(null);
  const configurationId = Form.useWatch('configurationId', form);
  const seriesId = options.data?.configurations.find((c) => c.id === configurationId)?.seriesId;

  const openForm = (car: TDemoCar | 'new') => {
    setFailure(null);
    setEditing(car);
    form.setFieldsValue(
      car === 'new'
        ? { configurationId: undefined as never, colourId: null, plateNo: '', vin: '', note: '' }
        : {
            configurationId: car.configurationId,
            colourId: car.colourId,
            plateNo: car.plateNo,
            vin: car.vin ?? '',
            note: car.note ?? '',
          },
    );
  };

  const onError = (error: unknown) => {
    if (!placeFieldErrors(form, error, t, FIELD_OF)) setFailure(error);
  };
  const onSaved = () => {
    setEditing(null);
    void message.success(t('testDrives.admin.saved'));
  };

  const submit = (values: CarValues) => {
    const body = {
      configurationId: values.configurationId,
      colourId: values.colourId ?? null,
      plateNo: values.plateNo,
      vin: values.vin?.trim() || null,
      note: values.note?.trim() || null,
    };
    if (editing === 'new') create.mutate(body, { onSuccess: onSaved, onError });
    else if (editing)
      update.mutate(
        { id: editing.id, body: { ...body, version: editing.version } },
        { onSuccess: onSaved, onError },
      );
  };

  const setActive = (car: TDemoCar, active: boolean) =>
    update.mutate(
      { id: car.id, body: { version: car.version, active } },
      { onError: (error) => void message.error(testDriveErrorText(error, t)) },
    );

  return (
    <div data-testid="demo-cars-admin">
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" onClick={() => openForm('new')} data-testid="demo-car-add">
          {t('testDrives.admin.add')}
        </Button>
        <Switch checked={showRetired} onChange={setShowRetired} /> {t('testDrives.admin.showRetired')}
      </Space>
      {cars.isError ? <Alert type="error" showIcon title={describeApiError(cars.error, t)} /> : null}
      <Table<TDemoCar>
        rowKey="id"
        size="small"
        loading={cars.isPending}
        dataSource={cars.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('testDrives.noCars') }}
        columns={[
          { title: t('testDrives.fields.plateNo'), dataIndex: 'plateNo' },
          { title: t('testDrives.fields.configuration'), dataIndex: 'label' },
          { title: t('testDrives.fields.colour'), dataIndex: 'colourName' },
          { title: t('testDrives.fields.vin'), dataIndex: 'vin' },
          {
            title: t('testDrives.fields.active'),
            render: (_, car) =>
              car.active ? <Tag color="green">✓</Tag> : <Tag>{t('testDrives.admin.retired')}</Tag>,
          },
          {
            title: '',
            render: (_, car) => (
              <Space>
                <Button size="small" onClick={() => openForm(car)}>
                  {t('testDrives.admin.edit')}
                </Button>
                <Button size="small" onClick={() => setActive(car, !car.active)}>
                  {car.active ? t('testDrives.admin.retire') : t('testDrives.admin.reactivate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('testDrives.admin.add') : t('testDrives.admin.edit')}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending || update.isPending}
        forceRender
      >
        <Form<CarValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          <Form.Item
            name="configurationId"
            label={t('testDrives.fields.configuration')}
            rules={[{ required: true, message: t('testDrives.required.configuration') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={options.isPending}
              options={(options.data?.configurations ?? []).map((c) => ({ value: c.id, label: c.label }))}
              onChange={() => form.setFieldValue('colourId', null)}
            />
          </Form.Item>
          <Form.Item name="colourId" label={t('testDrives.fields.colour')}>
            <Select
              allowClear
              options={(options.data?.colours ?? [])
                .filter((c) => c.seriesId === seriesId)
                .map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item
            name="plateNo"
            label={t('testDrives.fields.plateNo')}
            rules={[{ required: true, whitespace: true, message: t('testDrives.required.plateNo') }]}
          >
            <Input maxLength={12} />
          </Form.Item>
          <Form.Item name="vin" label={t('testDrives.fields.vin')}>
            <Input maxLength={17} />
          </Form.Item>
          <Form.Item name="note" label={t('testDrives.fields.note')}>
            <Input maxLength={500} />
          </Form.Item>
          {failure ? <Alert type="error" showIcon title={testDriveErrorText(failure, t)} /> : null}
        </Form>
      </Modal>
    </div>
  );
};
