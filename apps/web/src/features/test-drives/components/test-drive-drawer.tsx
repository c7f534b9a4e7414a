import type { TTestDrive } from '@qianke/contracts/test-drives';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Radio, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCancelTestDrive } from '../api/cancel-test-drive';
import { useCheckLicence } from '../api/check-licence';
import { useCompleteTestDrive } from '../api/complete-test-drive';
import { useMarkNoShow } from '../api/mark-no-show';
import { storeSlot } from './store-time';
import { TestDriveStatusTag } from './test-drive-status-tag';
import { placeFieldErrors, testDriveErrorText } from './test-drive-text';

type Panel = 'none' | 'complete' | 'cancel';

export type TestDriveDrawerProps = {
  drive: TTestDrive | null;
  timeZone: string;
  onClose: () => void;
  /** After any change: the page refreshes what depends on the drive (the customer's timeline). */
  onChanged?: ((drive: TTestDrive) => void) | undefined;
};

/** One test drive and what can be done with it: check the licence, complete, cancel, no-show. */
export const TestDriveDrawer = ({ drive: given, timeZone, onClose, onChanged }: TestDriveDrawerProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [drive, setDrive] = useState<TTestDrive | null>(given);
  const [panel, setPanel] = useState<Panel>('none');
  const [failure, setFailure] = useState<unknown>(null);
  const [licenceForm] = Form.useForm<{ licenceNo: string }>();
  const [completeForm] = Form.useForm<{ route?: string; feedback: string; rating: number }>();
  const [cancelForm] = Form.useForm<{ reason: string }>();
  const checkLicence = useCheckLicence();
  const complete = useCompleteTestDrive();
  const cancel = useCancelTestDrive();
  const noShow = useMarkNoShow();

  useEffect(() => {
    setDrive(given);
    setPanel('none');
    setFailure(null);
  }, [given]);

  const changed = (next: TTestDrive, text: string) => {
    setDrive(next);
    setPanel('none');
    setFailure(null);
    void message.success(text);
    onChanged?.(next);
  };

  if (!drive) return <Drawer open={false} onClose={onClose} />;
  const booked = drive.status === 'booked';

  const submitLicence = ({ licenceNo }: { licenceNo: string }) =>
    checkLicence.mutate(
      { id: drive.id, body: { version: drive.version, licenceNo } },
      {
        onSuccess: (next) => {
          licenceForm.resetFields();
          changed(next, t('testDrives.actions.licenceSaved'));
        },
        onError: (error) => {
          if (!placeFieldErrors(licenceForm, error, t, { licenceNo: 'licenceNo' })) setFailure(error);
        },
      },
    );

  const submitComplete = (values: { route?: string; feedback: string; rating: number }) =>
    complete.mutate(
      {
        id: drive.id,
        body: {
          version: drive.version,
          feedback: values.feedback,
          rating: values.rating,
          ...(values.route?.trim() ? { route: values.route.trim() } : {}),
        },
      },
      {
        onSuccess: (next) => changed(next, t('testDrives.actions.completed')),
        onError: (error) => {
          if (
            !placeFieldErrors(completeForm, error, t, {
              feedback: 'feedback',
              rating: 'rating',
              route: 'route',
            })
          )
            setFailure(error);
        },
      },
    );

  const submitCancel = ({ reason }: { reason: string }) =>
    cancel.mutate(
      { id: drive.id, body: { version: drive.version, reason } },
      {
        onSuccess: (next) => changed(next, t('testDrives.actions.cancelled')),
        onError: (error) => {
          if (!placeFieldErrors(cancelForm, error, t, { reason: 'reason' })) setFailure(error);
        },
      },
    );

  return (
    <Drawer
      open
      onClose={onClose}
      title={t('testDrives.actions.title')}
      size="large"
      destroyOnHidden
      extra={<TestDriveStatusTag status={drive.status} />}
    >
      <div data-testid="test-drive-drawer">
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('testDrives.fields.customer')}>
            {drive.customer ? `${drive.customer.name} ${drive.customer.cardNo}` : '-'}
          </Descriptions.Item>
          <Descriptions.Item label={t('testDrives.fields.car')}>
            {drive.demoCar.plateNo} · {drive.demoCar.label}
          </Descriptions.Item>
          <Descriptions.Item label={t('testDrives.fields.time')}>
            {formatDateTime(drive.startsAt, timeZone, language)?.slice(0, 10)} {storeSlot(drive, timeZone)}
          </Descriptions.Item>
          <Descriptions.Item label={t('testDrives.fields.consultant')}>
            {drive.consultant.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('testDrives.fields.licence')}>
            {drive.licenceCheckedAt ? (
              <Space data-testid="test-drive-licence-checked">
                <Tag color="green">{t('testDrives.fields.licenceChecked')}</Tag>
                {drive.licenceNo}
                {drive.licenceCheckedBy ? `· ${drive.licenceCheckedBy.name}` : null}
              </Space>
            ) : (
              '-'
            )}
          </Descriptions.Item>
          {drive.route ? (
            <Descriptions.Item label={t('testDrives.fields.route')}>{drive.route}</Descriptions.Item>
          ) : null}
          {drive.feedback ? (
            <Descriptions.Item label={t('testDrives.fields.feedback')}>{drive.feedback}</Descriptions.Item>
          ) : null}
          {drive.rating ? (
            <Descriptions.Item label={t('testDrives.fields.rating')}>
              {t('testDrives.ratingOf', { rating: drive.rating })}
            </Descriptions.Item>
          ) : null}
          {drive.cancelReason ? (
            <Descriptions.Item label={t('testDrives.fields.cancelReason')}>
              {drive.cancelReason}
            </Descriptions.Item>
          ) : null}
        </Descriptions>

        {booked ? (
          <div style={{ marginTop: 16 }}>
            <Form
              form={licenceForm}
              layout="inline"
              onFinish={submitLicence}
              onValuesChange={() => setFailure(null)}
              style={{ marginBottom: 16 }}
            >
              <Form.Item
                name="licenceNo"
                label={t('testDrives.fields.licence')}
                rules={[{ required: true, message: t('testDrives.required.licence') }]}
              >
                <Input
                  maxLength={24}
                  placeholder={t('testDrives.placeholders.licence')}
                  data-testid="test-drive-licence"
                  style={{ width: 240 }}
                />
              </Form.Item>
              <Button
                htmlType="submit"
                loading={checkLicence.isPending}
                data-testid="test-drive-licence-submit"
              >
                {t('testDrives.actions.checkLicence')}
              </Button>
            </Form>

            <Space wrap>
              <Button type="primary" onClick={() => setPanel('complete')} data-testid="test-drive-complete">
                {t('testDrives.actions.complete')}
              </Button>
              <Button onClick={() => setPanel('cancel')} data-testid="test-drive-cancel">
                {t('testDrives.actions.cancel')}
              </Button>
              <Popconfirm
                title={t('testDrives.actions.noShowConfirm')}
                onConfirm={() =>
                  noShow.mutate(
                    { id: drive.id, body: { version: drive.version } },
                    {
                      onSuccess: (next) => changed(next, t('testDrives.actions.markedNoShow')),
                      onError: setFailure,
                    },
                  )
                }
              >
                <Button danger loading={noShow.isPending} data-testid="test-drive-no-show">
                  {t('testDrives.actions.noShow')}
                </Button>
              </Popconfirm>
            </Space>

            {panel === 'complete' ? (
              <Form
                form={completeForm}
                layout="vertical"
                onFinish={submitComplete}
                onValuesChange={() => setFailure(null)}
                initialValues={{ route: drive.route ?? '' }}
                style={{ marginTop: 16 }}
                data-testid="test-drive-complete-form"
              >
                <Form.Item name="route" label={t('testDrives.fields.route')}>
                  <Input maxLength={500} data-testid="test-drive-complete-route" />
                </Form.Item>
                <Form.Item
                  name="feedback"
                  label={t('testDrives.fields.feedback')}
                  rules={[{ required: true, whitespace: true, message: t('testDrives.required.feedback') }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} data-testid="test-drive-feedback" />
                </Form.Item>
                <Form.Item
                  name="rating"
                  label={t('testDrives.fields.rating')}
                  rules={[{ required: true, message: t('testDrives.required.rating') }]}
                >
                  <Radio.Group data-testid="test-drive-rating">
                    {[1, 2, 3, 4, 5].map((n) => (
                      <Radio.Button key={n} value={n} data-testid={`test-drive-rating-${n}`}>
                        {n}
                      </Radio.Button>
                    ))}
                  </Radio.Group>
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={complete.isPending}
                  data-testid="test-drive-complete-submit"
                >
                  {t('testDrives.actions.submit')}
                </Button>
              </Form>
            ) : null}

            {panel === 'cancel' ? (
              <Form
                form={cancelForm}
                layout="vertical"
                onFinish={submitCancel}
                onValuesChange={() => setFailure(null)}
                style={{ marginTop: 16 }}
              >
                <Form.Item
                  name="reason"
                  label={t('testDrives.fields.cancelReason')}
                  rules={[
                    { required: true, whitespace: true, message: t('testDrives.required.cancelReason') },
                  ]}
                >
                  <Input maxLength={500} data-testid="test-drive-cancel-reason" />
                </Form.Item>
                <Button
                  danger
                  htmlType="submit"
                  loading={cancel.isPending}
                  data-testid="test-drive-cancel-submit"
                >
                  {t('testDrives.actions.cancel')}
                </Button>
              </Form>
            ) : null}
          </div>
        ) : null}
        {failure ? (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 16 }}
            title={testDriveErrorText(failure, t)}
            data-testid="test-drive-error"
          />
        ) : null}
      </div>
    </Drawer>
  );
};
