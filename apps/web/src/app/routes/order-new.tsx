import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCustomer } from '@/features/customers/api/get-customer';
import { OrderForm } from '@/features/orders/components/order-form';
import { describeApiError } from '@/lib/describe-api-error';
import { paths } from '@/lib/paths';
import { PageTitle } from '../components/page-title';

const useOrderNavigation = () => {
  const navigate = useNavigate();
  return {
    onCreated: (order: { id: string }) => void navigate(`${paths.orders}/${order.id}`, { replace: true }),
    onCancel: () => void navigate(-1),
  };
};

/** The form for a known customer, with their name and card number shown. */
const CustomerOrderForm = ({ customerId }: { customerId: string }) => {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const handlers = useOrderNavigation();
  if (customer.isPending) return <Skeleton active />;
  if (customer.isError) return <Alert type="error" showIcon title={describeApiError(customer.error, t)} />;
  return (
    <OrderForm
      customer={{ id: customer.data.id, label: `${customer.data.name} ${customer.data.cardNo}` }}
      {...handlers}
    />
  );
};

const WalkInOrderForm = () => <OrderForm customer={null} {...useOrderNavigation()} />;

/** A new order: for the customer named in ?customerId=, else for a walk-in buyer. */
export const NewOrderPage = () => {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const customerId = params.get('customerId') ?? '';
  return (
    <div data-testid="order-new-page">
      <PageTitle title={customerId ? t('orders.newTitle') : t('orders.walkInTitle')} />
      {customerId ? <CustomerOrderForm key={customerId} customerId={customerId} /> : <WalkInOrderForm />}
    </div>
  );
};
