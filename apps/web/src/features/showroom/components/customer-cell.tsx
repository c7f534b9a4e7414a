import type { TVisit } from '@qianke/contracts/showroom';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Who the visitor is: the customer card (name, card number) for those who may see it, the phone as the
 * caller's role may see it, or that they left no details.
 */
export const CustomerCell = ({ visit }: { visit: TVisit }) => {
  const { t } = useTranslation();
  if (!visit.leftContact) return <Tag data-testid="no-details">{t('showroom.visit.noDetails')}</Tag>;
  return (
    <Space size={4} wrap>
      {visit.customer ? (
        <>
          <Typography.Text strong data-testid="customer-name">
            {visit.customer.name}
          </Typography.Text>
          <Typography.Text type="secondary">{visit.customer.cardNo}</Typography.Text>
        </>
      ) : null}
      {visit.phone ? <Typography.Text data-testid="customer-phone">{visit.phone}</Typography.Text> : null}
    </Space>
  );
};
