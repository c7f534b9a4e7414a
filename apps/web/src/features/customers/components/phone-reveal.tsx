import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import type { TCustomer, TRevealedPhones } from '@qianke/contracts/customers';
import { App, Button, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealPhone } from '../api/reveal-phone';
import { describeCustomerError } from './customer-text';

/**
 * The customer's numbers: in full for those who call the customer, else masked with a button that shows
 * them. Showing them is audited on the server (who and when).
 */
export const PhoneReveal = ({ customer }: { customer: TCustomer }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reveal = useRevealPhone();
  const [revealed, setRevealed] = useState<TRevealedPhones | null>(null);
  const shown = revealed ?? {
    phone: customer.phone,
    phoneE164: customer.phoneE164,
    otherPhones: customer.otherPhones,
  };
  const masked = customer.phoneMasked && revealed === null;

  const show = () =>
    reveal.mutate(customer.id, {
      onSuccess: setRevealed,
      onError: (error) => void message.error(describeCustomerError(error, t)),
    });

  return (
    <Space direction="vertical" size={2}>
      <Space size={8}>
        <Typography.Text
          copyable={!masked && shown.phone ? { text: shown.phone } : false}
          data-testid="customer-phone-value"
        >
          {shown.phone ?? '-'}
        </Typography.Text>
        {masked && (
          <>
            <Tooltip title={t('customers.phone.maskedHint')}>
              <LockOutlined aria-label={t('customers.phone.masked')} />
            </Tooltip>
            <Button
              size="small"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={show}
              data-testid="reveal-phone"
            >
              {t('customers.phone.reveal')}
            </Button>
          </>
        )}
      </Space>
      {shown.otherPhones.map((p) => (
        <Typography.Text key={`${p.phone}-${p.label}`} type="secondary">
          {p.phone}
          {p.label ? ` (${p.label})` : ''}
        </Typography.Text>
      ))}
      {revealed && <Typography.Text type="secondary">{t('customers.phone.revealedNote')}</Typography.Text>}
    </Space>
  );
};
