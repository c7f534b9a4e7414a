import type { TTestDrive } from '@qianke/contracts/test-drives';
import { Alert, Button, Form, Input, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBookTestDrive } from '../api/book-test-drive';
import { useConsultants } from '../api/get-consultants';
import { useDemoCars } from '../api/get-demo-cars';
import { useCustomerSearch } from '../api/search-customers';
import { storeInstant } from './store-time';
import { placeFieldErrors, testDriveErrorText } from './test-drive-text';

type BookValues = {
  customerId?: string;
  demoCarId: string;
  start: string;
  duration: number;
  consultantId?: string;
  route?: string;
};

const DURATIONS = [30, 45, 60, 90, 120, 180] as const;

/** Server fields and the form fields their messages belong next to. */
const FIELD_OF = {
  customerId: 'customerId',
  demoCarId: 'demoCarId',
  startsAt: 'start',
  endsAt: 'duration',
  consultantId: 'consultantId',
  route: 'route',
};

export type BookTestDriveDialogProps = {
  open: boolean;
  timeZone: string;
  /** The customer to book for (from the customer page); without it the form asks for one. */
  customer?: { id: string; label: string } | undefined;
  /** Preselected car and start (`YYYY-MM-DDTHH:MM` on the store's clock), e.g. from the schedule. */
  demoCarId?: string | undefined;
  start?: string | undefined;
  /** Whether the caller names the consultant (a receptionist or DCC agent); else it is the caller. */
  pickConsultant: boolean;
  onClose: () => void;
  onBooked: (drive: TTestDrive) => void;
};

/** Book a demo car for a customer: car, start on the store's clock, duration, route. */
export const BookTestDriveDialog = ({
  open,
  timeZone,
  customer,
  demoCarId,
  start,
  pickConsultant,
  onClose,
  onBooked,
}: BookTestDriveDialogProps) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<BookValues>();
  const cars = useDemoCars();
  const consultants = useConsultants(open && pickConsultant);
  const [search, setSearch] = useState('');
  const customers = useCustomerSearch(search.trim(), open && !customer);
  const book = useBookTestDrive();
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (open) {
      setFailure(null);
      form.setFieldsValue({ demoCarId, start, duration: 60 } as BookValues);
    }
  }, [open, demoCarId, start, form]);

  const submit = (values: BookValues) => {
    const customerId = customer?.id ?? values.customerId;
    const startsAt = storeInstant(values.start, timeZone);
    if (book.isPending || !customerId || !startsAt) return;
    setFailure(null);
    book.mutate(
      {
        customerId,
        demoCarId: values.demoCarId,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + values.duration * 60_000).toISOString(),
        ...(values.consultantId ? { consultantId: values.consultantId } : {}),
        ...(values.route?.trim() ? { route: values.route.trim() } : {}),
      },
      {
        onSuccess: (drive) => {
          setSearch('');
          onBooked(drive);
        },
        onError: (error) => {
          if (!placeFieldErrors(form, error, t, FIELD_OF, timeZone)) setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('testDrives.book')}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        <>
          <Button onClick={onClose} data-testid="test-drive-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={book.isPending} data-testid="test-drive-submit">
            {t('testDrives.bookCar')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<BookValues>
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
      <div data-testid="test-drive-form">
        {customer ? (
          <Form.Item label={t('testDrives.fields.customer')} required>
            <Typography.Text strong data-testid="test-drive-customer-name">
              {customer.label}
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="customerId"
            label={t('testDrives.fields.customer')}
            rules={[{ required: true, message: t('testDrives.required.customer') }]}
          >
            <Select
              data-testid="test-drive-customer"
              showSearch={{ filterOption: false, onSearch: setSearch }}
              loading={customers.isFetching}
              placeholder={t('testDrives.placeholders.customer')}
              options={(customers.data ?? []).map((c) => ({ value: c.id, label: `${c.name} ${c.cardNo}` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="demoCarId"
          label={t('testDrives.fields.car')}
          rules={[{ required: true, message: t('testDrives.required.car') }]}
        >
          <Select
            data-testid="test-drive-car"
            loading={cars.isPending}
            options={(cars.data?.items ?? []).map((car) => ({
              value: car.id,
              label: `${car.plateNo} · ${car.label}${car.colourName ? ` · ${car.colourName}` : ''}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="start"
          label={t('testDrives.fields.start')}
          rules={[{ required: true, message: t('testDrives.required.start') }]}
        >
          <Input type="datetime-local" data-testid="test-drive-start" />
        </Form.Item>
        <Form.Item name="duration" label={t('testDrives.fields.duration')} rules={[{ required: true }]}>
          <Select
            data-testid="test-drive-duration"
            options={DURATIONS.map((minutes) => ({
              value: minutes,
              label: t('testDrives.minutes', { count: minutes }),
            }))}
          />
        </Form.Item>
        {pickConsultant ? (
          <Form.Item
            name="consultantId"
            label={t('testDrives.fields.consultant')}
            rules={[{ required: true }]}
          >
            <Select
              data-testid="test-drive-consultant"
              loading={consultants.isPending}
              options={(consultants.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="route" label={t('testDrives.fields.route')}>
          <Input
            maxLength={500}
            placeholder={t('testDrives.placeholders.route')}
            data-testid="test-drive-route"
          />
        </Form.Item>
        {failure ? <Alert type="error" showIcon title={testDriveErrorText(failure, t, timeZone)} /> : null}
      </div>
    </Modal>
  );
};
