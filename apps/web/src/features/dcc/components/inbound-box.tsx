import { PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { describeApiError } from '@/lib/describe-api-error';
import { paths } from '@/lib/paths';
import { useLogInboundCall } from '../api/log-inbound-call';
import { useInboundLookup } from '../api/lookup-inbound';
import { dccMessage, placeFieldErrors } from './dcc-errors';

type CaptureValues = { name?: string; channel: 'hotline_400' | 'phone_in'; note?: string };

/** An inbound call: enter the number, see who it is, log it (and open a card for a new caller). */
export const InboundBox = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [typed, setTyped] = useState('');
  const [phone, setPhone] = useState('');
  const lookup = useInboundLookup(phone);
  const logInbound = useLogInboundCall();
  const [form] = Form.useForm<CaptureValues>();

  const log = (values: CaptureValues) => {
    const unknown = lookup.data?.known === false;
    logInbound.mutate(
      {
        phone,
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
        ...(unknown && values.name?.trim()
          ? { capture: { name: values.name.trim(), channel: values.channel } }
          : {}),
      },
      {
        onSuccess: (logged) => {
          void message.success(logged.captured ? t('dcc.inbound.captured') : t('dcc.inbound.logged'));
          form.resetFields();
          void lookup.refetch();
        },
        onError: (error) => {
          if (!placeFieldErrors(form, error, t)) void message.error(describeApiError(error, t));
        },
      },
    );
  };

  const lookupError = lookup.error;
  return (
    <Card size="small" title={t('dcc.inbound.title')} data-testid="dcc-inbound">
      <Flex vertical gap={8}>
        <Input.Search
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onSearch={(value) => setPhone(value.trim())}
          placeholder={t('dcc.inbound.phone')}
          enterButton={t('dcc.inbound.lookup')}
          prefix={<PhoneOutlined />}
          data-testid="dcc-inbound-phone"
        />
        {lookupError ? (
          <Alert
            type="error"
            showIcon
            title={
              lookupError instanceof Error && 'fields' in lookupError
                ? dccMessage(lookupError.message, t)
                : describeApiError(lookupError, t)
            }
          />
        ) : null}
        {lookup.data ? (
          <div data-testid="dcc-inbound-match" data-known={lookup.data.known}>
            {lookup.data.customer ? (
              <Typography.Text>
                <Link to={`${paths.customers}/${lookup.data.customer.id}`}>
                  {t('dcc.inbound.known', {
                    name: lookup.data.customer.name,
                    cardNo: lookup.data.customer.cardNo,
                  })}
                </Link>
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">
                {lookup.data.known ? t('dcc.inbound.knownHidden') : t('dcc.inbound.unknown')}
              </Typography.Text>
            )}
            <Form<CaptureValues>
              form={form}
              layout="vertical"
              onFinish={log}
              initialValues={{ channel: 'hotline_400' }}
              style={{ marginTop: 8 }}
            >
              {lookup.data.known ? null : (
                <>
                  <Form.Item name="name" label={t('dcc.inbound.name')}>
                    <Input maxLength={60} data-testid="dcc-inbound-name" />
                  </Form.Item>
                  <Form.Item name="channel" label={t('dcc.inbound.channel')}>
                    <Radio.Group>
                      <Radio value="hotline_400">{t('dcc.inbound.channels.hotline_400')}</Radio>
                      <Radio value="phone_in">{t('dcc.inbound.channels.phone_in')}</Radio>
                    </Radio.Group>
                  </Form.Item>
                </>
              )}
              <Form.Item name="note" label={t('dcc.form.note')}>
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
              <Button htmlType="submit" loading={logInbound.isPending} data-testid="dcc-inbound-log">
                {lookup.data.known ? t('dcc.inbound.log') : t('dcc.inbound.capture')}
              </Button>
            </Form>
          </div>
        ) : null}
      </Flex>
    </Card>
  );
};
