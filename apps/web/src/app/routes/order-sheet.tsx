import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { OrderSheet } from '@/features/orders/components/order-sheet';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useSession } from '../layout/session';

/** The printable order sheet: window.print() prints the sheet alone (CSS @media print). */
export const OrderSheetPage = () => {
  const { t } = useTranslation();
  const me = useSession();
  const { orderId = '' } = useParams();
  useDocumentTitle(t('orders.sheet.title'));
  return <OrderSheet key={orderId} orderId={orderId} timeZone={me.store.timeZone} />;
};
