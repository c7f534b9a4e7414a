import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useOrderSheet } from '../api/get-order-sheet';
import { money, orderErrorText, vehicleText } from './order-text';

/** Only the sheet is printed: the app's menu, header and buttons are hidden on paper. */
const PRINT_CSS = `
@media print {
  .ant-layout-sider, .ant-layout-header, [data-testid="demo-banner"] { display: none !important; }
  body * { visibility: hidden; }
  .order-sheet, .order-sheet * { visibility: visible; }
  .order-sheet { position: absolute; left: 0; top: 0; width: 100%; padding: 0; box-shadow: none; }
  .order-sheet-actions { display: none; }
  @page { size: A4; margin: 16mm; }
}
.order-sheet { background: #fff; max-width: 800px; margin: 0 auto; padding: 32px; color: #000; }
.order-sheet h1 { text-align: center; font-size: 22px; margin: 0 0 4px; }
.order-sheet .sub { text-align: center; margin-bottom: 16px; }
.order-sheet table { width: 100%; border-collapse: collapse; margin-bottom: 16px; }
.order-sheet th, .order-sheet td { border: 1px solid #333; padding: 6px 8px; text-align: left; font-size: 13px; }
.order-sheet th { width: 18%; background: #f5f5f5; font-weight: normal; }
.order-sheet .signatures { display: flex; justify-content: space-between; margin-top: 48px; }
`;

/** The order sheet (订车单) to print and sign. */
export const OrderSheet = ({ orderId, timeZone }: { orderId: string; timeZone: string }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const sheet = useOrderSheet(orderId);
  if (sheet.isPending) return <Skeleton active />;
  if (sheet.isError) return <Alert type="error" showIcon title={orderErrorText(sheet.error, t)} />;
  const { order: o, store } = sheet.data;
  const m = (v: number) => money(v, language);
  return (
    <div className="order-sheet" data-testid="order-sheet">
      <style>{PRINT_CSS}</style>
      <div className="order-sheet-actions" style={{ textAlign: 'right', marginBottom: 16 }}>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          data-testid="order-sheet-print"
        >
          {t('orders.sheet.print')}
        </Button>
      </div>
      <h1>{t('orders.sheet.title')}</h1>
      <div className="sub">
        {store.name} · {t('orders.fields.orderNo')} {o.orderNo} · {t(`orders.status.${o.status}`)}
      </div>
      <table>
        <tbody>
          <tr>
            <th>{t('orders.fields.customer')}</th>
            <td>{o.customer.name}</td>
            <th>{t('orders.sheet.cardNo')}</th>
            <td>{o.customer.cardNo}</td>
          </tr>
          <tr>
            <th>{t('orders.fields.phone')}</th>
            <td>{o.customer.phone ?? ''}</td>
            <th>{t('orders.fields.consultant')}</th>
            <td>{o.consultant.name}</td>
          </tr>
          <tr>
            <th>{t('orders.fields.vehicle')}</th>
            <td colSpan={3}>{vehicleText(o)}</td>
          </tr>
          <tr>
            <th>{t('orders.fields.vin')}</th>
            <td>{o.vin ?? t('orders.noVin')}</td>
            <th>{t('orders.fields.expectedDeliveryOn')}</th>
            <td>{o.expectedDeliveryOn ?? ''}</td>
          </tr>
          <tr>
            <th>{t('orders.fields.price')}</th>
            <td>{m(o.price)}</td>
            <th>{t('orders.fields.discount')}</th>
            <td>{m(o.discount)}</td>
          </tr>
          <tr>
            <th>{t('orders.fields.netPrice')}</th>
            <td>{m(o.netPrice)}</td>
            <th>{t('orders.fields.deposit')}</th>
            <td>
              {m(o.deposit)} {o.depositPaidAt ? `(${t('orders.sheet.paid')})` : ''}
            </td>
          </tr>
          <tr>
            <th>{t('orders.fields.tradeIn')}</th>
            <td>
              {o.tradeIn ? [o.tradeIn.brand, o.tradeIn.model, o.tradeIn.year].filter(Boolean).join(' ') : '—'}
            </td>
            <th>{t('orders.tradeIn.valuation')}</th>
            <td>{m(sheet.data.tradeInValuation)}</td>
          </tr>
          <tr>
            <th>{t('orders.fields.paymentMethod')}</th>
            <td>
              {t(`orders.payment.${o.paymentMethod}`)} {o.loanBank ?? ''}
            </td>
            <th>{t('orders.sheet.balanceDue')}</th>
            <td>
              <strong>{m(sheet.data.balanceAfterTradeIn)}</strong>
            </td>
          </tr>
          {o.note ? (
            <tr>
              <th>{t('orders.fields.note')}</th>
              <td colSpan={3}>{o.note}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <div>
        {t('orders.fields.orderedAt')}: {formatDateTime(o.orderedAt, timeZone, language)} ·{' '}
        {t('orders.sheet.printedAt')}: {formatDateTime(sheet.data.printedAt, timeZone, language)}
      </div>
      <div className="signatures">
        <span>{t('orders.sheet.customerSignature')}: ________________</span>
        <span>{t('orders.sheet.consultantSignature')}: ________________</span>
      </div>
    </div>
  );
};
