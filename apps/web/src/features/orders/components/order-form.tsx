import type { TCreateOrderRequest, TOrder, TUpdateOrderRequest } from '@qianke/contracts/orders';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCreateOrder } from '../api/create-order';
import { useCatalogOptions } from '../api/get-catalog-options';
import { useStockOptions } from '../api/get-stock-options';
import { useUpdateOrder } from '../api/update-order';
import { money, orderErrorText, orderFieldText, vehicleText } from './order-text';

type Values = {
  buyerName?: string;
  buyerPhone?: string;
  buyerGender?: 'male' | 'female';
  vehicleSource: 'stock' | 'catalog';
  stockVehicleId?: string;
  configurationId?: string;
  colourId?: string;
  price?: number;
  discount?: number;
  deposit?: number;
  depositPaid?: boolean;
  paymentMethod: 'cash' | 'loan';
  loanStatus?: 'applied' | 'approved' | 'rejected' | 'disbursed';
  loanBank?: string;
  hasTradeIn?: boolean;
  tradeInBrand?: string;
  tradeInModel?: string;
  tradeInYear?: number;
  tradeInMileageKm?: number;
  tradeInValuation?: number;
  expectedDeliveryOn?: Dayjs | null;
  note?: string;
};

/** Server field paths -> this form's fields. */
const FIELD_OF: Record<string, keyof Values> = {
  customerId: 'buyerName',
  'buyer.name': 'buyerName',
  'buyer.phone': 'buyerPhone',
  stockVehicleId: 'stockVehicleId',
  configurationId: 'configurationId',
  colourId: 'colourId',
  price: 'price',
  discount: 'discount',
  deposit: 'deposit',
  paymentMethod: 'paymentMethod',
  loanStatus: 'loanStatus',
  loanBank: 'loanBank',
  'tradeIn.brand': 'tradeInBrand',
  'tradeIn.valuation': 'tradeInValuation',
  expectedDeliveryOn: 'expectedDeliveryOn',
  note: 'note',
};

export type OrderFormProps = {
  /** The customer ordering; null: a walk-in buyer whose card the order opens. */
  customer: { id: string; label: string } | null;
  onCreated: (order: TOrder) => void;
  onCancel?: () => void;
  /** A draft order to change (its car stays; cancel and order again for another one). */
  order?: TOrder;
};

/** The form's values of an order being edited. */
const valuesOf = (order: TOrder): Values => ({
  vehicleSource: order.stockVehicleId ? 'stock' : 'catalog',
  price: order.price,
  discount: order.discount,
  deposit: order.deposit,
  paymentMethod: order.paymentMethod,
  ...(order.loanStatus ? { loanStatus: order.loanStatus } : {}),
  ...(order.loanBank ? { loanBank: order.loanBank } : {}),
  hasTradeIn: order.tradeIn !== null,
  ...(order.tradeIn
    ? {
        tradeInBrand: order.tradeIn.brand,
        ...(order.tradeIn.model ? { tradeInModel: order.tradeIn.model } : {}),
        ...(order.tradeIn.year != null ? { tradeInYear: order.tradeIn.year } : {}),
        ...(order.tradeIn.mileageKm != null ? { tradeInMileageKm: order.tradeIn.mileageKm } : {}),
        ...(order.tradeIn.valuation != null ? { tradeInValuation: order.tradeIn.valuation } : {}),
      }
    : {}),
  expectedDeliveryOn: order.expectedDeliveryOn ? dayjs(order.expectedDeliveryOn) : null,
  ...(order.note ? { note: order.note } : {}),
});

/**
 * The order form (销售订单): a customer or a walk-in buyer, a car from stock (by VIN) or from the
 * catalog, price, discount, deposit, payment (cash / loan with its status), trade-in, delivery date.
 */
export const OrderForm = ({ customer, onCreated, onCancel, order }: OrderFormProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<Values>();
  const create = useCreateOrder();
  const update = useUpdateOrder();
  // The version the edit started from: a change by someone else meanwhile makes the save a 409.
  const [editedVersion] = useState(order?.version);
  const saving = create.isPending || update.isPending;
  const [failure, setFailure] = useState<unknown>(null);
  const [vinSearch, setVinSearch] = useState('');
  const source = Form.useWatch('vehicleSource', form) ?? 'stock';
  const payment = Form.useWatch('paymentMethod', form) ?? 'cash';
  const hasTradeIn = Form.useWatch('hasTradeIn', form) ?? false;
  const configurationId = Form.useWatch('configurationId', form);
  const price = Form.useWatch('price', form) ?? 0;
  const discount = Form.useWatch('discount', form) ?? 0;
  const deposit = Form.useWatch('deposit', form) ?? 0;
  const stock = useStockOptions(vinSearch.trim(), !order && source === 'stock');
  const catalog = useCatalogOptions(!order && source === 'catalog');
  const configuration = catalog.data?.items.find((c) => c.id === configurationId);

  const showFailure = (error: unknown) => {
    const entries = isApiError(error) ? Object.entries(error.fields ?? {}) : [];
    const placed = entries.flatMap(([path, message]) => {
      const name = FIELD_OF[path];
      return name ? [{ name, errors: [orderFieldText(message, t)] }] : [];
    });
    if (placed.length > 0) form.setFields(placed);
    if (placed.length === 0 || placed.length < entries.length) setFailure(error);
  };

  const tradeInOf = (v: Values) =>
    v.hasTradeIn
      ? {
          brand: v.tradeInBrand?.trim() ?? '',
          model: v.tradeInModel?.trim() || null,
          year: v.tradeInYear ?? null,
          mileageKm: v.tradeInMileageKm ?? null,
          valuation: v.tradeInValuation ?? null,
        }
      : null;

  const save = (existing: TOrder, v: Values) => {
    const body: TUpdateOrderRequest = {
      version: editedVersion ?? existing.version,
      price: v.price ?? 0,
      discount: v.discount ?? 0,
      deposit: v.deposit ?? 0,
      paymentMethod: v.paymentMethod,
      loanStatus: v.paymentMethod === 'loan' ? (v.loanStatus ?? null) : null,
      loanBank: v.paymentMethod === 'loan' ? v.loanBank?.trim() || null : null,
      tradeIn: tradeInOf(v),
      expectedDeliveryOn: v.expectedDeliveryOn ? v.expectedDeliveryOn.format('YYYY-MM-DD') : null,
      note: v.note?.trim() || null,
    };
    update.mutate({ id: existing.id, body }, { onSuccess: onCreated, onError: showFailure });
  };

  const submit = (v: Values) => {
    if (saving) return;
    setFailure(null);
    if (order) {
      save(order, v);
      return;
    }
    const body: TCreateOrderRequest = {
      ...(customer
        ? { customerId: customer.id }
        : { buyer: { name: v.buyerName ?? '', phone: v.buyerPhone ?? '', gender: v.buyerGender ?? null } }),
      ...(v.vehicleSource === 'stock'
        ? { stockVehicleId: v.stockVehicleId ?? null }
        : { configurationId: v.configurationId ?? null, colourId: v.colourId ?? null }),
      price: v.price ?? 0,
      discount: v.discount ?? 0,
      deposit: v.deposit ?? 0,
      depositPaid: v.depositPaid ?? false,
      paymentMethod: v.paymentMethod,
      loanStatus: v.paymentMethod === 'loan' ? (v.loanStatus ?? null) : null,
      loanBank: v.paymentMethod === 'loan' ? v.loanBank?.trim() || null : null,
      tradeIn: tradeInOf(v),
      expectedDeliveryOn: v.expectedDeliveryOn ? v.expectedDeliveryOn.format('YYYY-MM-DD') : null,
      note: v.note?.trim() || null,
    };
    create.mutate(body, { onSuccess: onCreated, onError: showFailure });
  };

  const amount = (testId: string) => (
    <InputNumber<number>
      min={0}
      max={100_000_000}
      precision={2}
      step={1000}
      style={{ width: '100%' }}
      prefix="¥"
      data-testid={testId}
    />
  );

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      requiredMark="optional"
      initialValues={
        order
          ? valuesOf(order)
          : {
              vehicleSource: 'stock',
              paymentMethod: 'cash',
              discount: 0,
              deposit: 0,
              depositPaid: false,
            }
      }
      onFinish={submit}
      onValuesChange={() => setFailure(null)}
      data-testid="order-form"
    >
      <Card title={t('orders.form.buyer')} size="small" style={{ marginBottom: 16 }}>
        {order ? (
          <Typography.Text strong data-testid="order-customer">
            {order.customer.name} {order.customer.cardNo}
          </Typography.Text>
        ) : customer ? (
          <Typography.Text strong data-testid="order-customer">
            {customer.label}
          </Typography.Text>
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item
                name="buyerName"
                label={t('orders.form.buyerName')}
                rules={[{ required: true, whitespace: true, message: t('orders.form.buyerNameRequired') }]}
              >
                <Input maxLength={60} data-testid="order-buyer-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="buyerPhone"
                label={t('orders.form.buyerPhone')}
                rules={[{ required: true, whitespace: true, message: t('orders.form.buyerPhoneRequired') }]}
                extra={t('orders.form.buyerPhoneHint')}
              >
                <Input maxLength={40} inputMode="tel" data-testid="order-buyer-phone" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="buyerGender" label={t('orders.form.buyerGender')}>
                <Radio.Group
                  options={[
                    { value: 'male', label: t('orders.form.male') },
                    { value: 'female', label: t('orders.form.female') },
                  ]}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Card>

      <Card title={t('orders.form.vehicle')} size="small" style={{ marginBottom: 16 }}>
        {order ? (
          <Flex vertical gap={4} data-testid="order-edit-vehicle">
            <Typography.Text strong>
              {order.vin ?? t('orders.noVin')} · {vehicleText(order)}
            </Typography.Text>
            <Typography.Text type="secondary">{t('orders.edit.vehicleFixed')}</Typography.Text>
          </Flex>
        ) : null}
        <Form.Item name="vehicleSource" hidden={Boolean(order)}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'stock', label: t('orders.form.fromStock') },
              { value: 'catalog', label: t('orders.form.fromCatalog') },
            ]}
            data-testid="order-vehicle-source"
          />
        </Form.Item>
        {order ? null : source === 'stock' ? (
          <Form.Item
            name="stockVehicleId"
            label={t('orders.form.stockVehicle')}
            rules={[{ required: true, message: t('orders.form.stockVehicleRequired') }]}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setVinSearch }}
              loading={stock.isFetching}
              placeholder={t('orders.form.stockVehiclePlaceholder')}
              notFoundContent={t('orders.form.noStock')}
              onChange={(id: string) => {
                const car = stock.data?.items.find((v) => v.id === id);
                if (car) form.setFieldsValue({ price: car.listPrice });
              }}
              options={(stock.data?.items ?? []).map((v) => ({
                value: v.id,
                label: `${v.vin} · ${v.configuration.seriesName} ${v.configuration.modelName} ${v.configuration.name}${v.colour ? ` ${v.colour.name}` : ''} · ${money(v.listPrice, language)}`,
              }))}
              data-testid="order-vehicle-select"
            />
          </Form.Item>
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                name="configurationId"
                label={t('orders.form.configuration')}
                rules={[{ required: true, message: t('orders.form.configurationRequired') }]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={catalog.isPending}
                  onChange={(id: string) => {
                    const c = catalog.data?.items.find((x) => x.id === id);
                    form.setFieldsValue({ colourId: undefined, ...(c ? { price: c.guidePrice } : {}) });
                  }}
                  options={(catalog.data?.items ?? []).map((c) => ({
                    value: c.id,
                    label: `${c.series.name} ${c.model.name} ${c.name} · ${money(c.guidePrice, language)}`,
                  }))}
                  data-testid="order-configuration"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="colourId" label={t('orders.form.colour')}>
                <Select
                  allowClear
                  disabled={!configuration}
                  onChange={(id: string | undefined) => {
                    const colour = configuration?.colours.find((c) => c.id === id);
                    if (configuration)
                      form.setFieldsValue({ price: configuration.guidePrice + (colour?.surcharge ?? 0) });
                  }}
                  options={(configuration?.colours ?? []).map((c) => ({
                    value: c.id,
                    label: c.surcharge > 0 ? `${c.name} (+${money(c.surcharge, language)})` : c.name,
                  }))}
                  data-testid="order-colour"
                />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Card>

      <Card title={t('orders.form.money')} size="small" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="price"
              label={t('orders.fields.price')}
              rules={[{ required: true, message: t('orders.form.priceRequired') }]}
            >
              {amount('order-price')}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="discount"
              label={t('orders.fields.discount')}
              dependencies={['price']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | undefined) =>
                    (value ?? 0) > (getFieldValue('price') ?? 0)
                      ? Promise.reject(new Error(t('orders.errors.discountTooHigh')))
                      : Promise.resolve(),
                }),
              ]}
            >
              {amount('order-discount')}
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="deposit"
              label={t('orders.fields.deposit')}
              dependencies={['price', 'discount']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | undefined) =>
                    (value ?? 0) > (getFieldValue('price') ?? 0) - (getFieldValue('discount') ?? 0)
                      ? Promise.reject(new Error(t('orders.errors.depositTooHigh')))
                      : Promise.resolve(),
                }),
              ]}
            >
              {amount('order-deposit')}
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="depositPaid" valuePropName="checked" hidden={Boolean(order)}>
          <Checkbox data-testid="order-deposit-paid">{t('orders.form.depositPaidNow')}</Checkbox>
        </Form.Item>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('orders.fields.netPrice')}>
            {money(price - discount, language)}
          </Descriptions.Item>
          <Descriptions.Item label={t('orders.fields.balance')}>
            {money(price - discount - deposit, language)}
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="paymentMethod"
              label={t('orders.fields.paymentMethod')}
              rules={[{ required: true }]}
            >
              <Radio.Group data-testid="order-payment">
                <Radio value="cash" data-testid="order-payment-cash">
                  {t('orders.payment.cash')}
                </Radio>
                <Radio value="loan" data-testid="order-payment-loan">
                  {t('orders.payment.loan')}
                </Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          {payment === 'loan' ? (
            <>
              <Col xs={24} md={8}>
                <Form.Item name="loanStatus" label={t('orders.fields.loanStatus')}>
                  <Select
                    allowClear
                    options={(['applied', 'approved', 'rejected', 'disbursed'] as const).map((s) => ({
                      value: s,
                      label: t(`orders.loanStatus.${s}`),
                    }))}
                    data-testid="order-loan-status"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item name="loanBank" label={t('orders.fields.loanBank')}>
                  <Input maxLength={60} data-testid="order-loan-bank" />
                </Form.Item>
              </Col>
            </>
          ) : null}
        </Row>
      </Card>

      <Card title={t('orders.form.more')} size="small" style={{ marginBottom: 16 }}>
        <Form.Item name="hasTradeIn" valuePropName="checked">
          <Checkbox data-testid="order-trade-in">{t('orders.form.hasTradeIn')}</Checkbox>
        </Form.Item>
        {hasTradeIn ? (
          <Row gutter={16}>
            <Col xs={12} md={5}>
              <Form.Item
                name="tradeInBrand"
                label={t('orders.tradeIn.brand')}
                rules={[{ required: true, whitespace: true, message: t('orders.tradeIn.brandRequired') }]}
              >
                <Input maxLength={40} data-testid="order-trade-in-brand" />
              </Form.Item>
            </Col>
            <Col xs={12} md={5}>
              <Form.Item name="tradeInModel" label={t('orders.tradeIn.model')}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col xs={8} md={4}>
              <Form.Item name="tradeInYear" label={t('orders.tradeIn.year')}>
                <InputNumber<number> min={1980} max={2100} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={5}>
              <Form.Item name="tradeInMileageKm" label={t('orders.tradeIn.mileageKm')}>
                <InputNumber<number> min={0} max={2_000_000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={8} md={5}>
              <Form.Item name="tradeInValuation" label={t('orders.tradeIn.valuation')}>
                {amount('order-trade-in-valuation')}
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="expectedDeliveryOn" label={t('orders.fields.expectedDeliveryOn')}>
              <DatePicker style={{ width: '100%' }} data-testid="order-expected-delivery" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="note" label={t('orders.fields.note')}>
              <Input.TextArea rows={2} maxLength={500} data-testid="order-note" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      {failure !== null && (
        <div role="alert" style={{ marginBottom: 16 }}>
          <Alert type="error" showIcon title={orderErrorText(failure, t)} />
        </div>
      )}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="order-submit">
        {order ? t('orders.edit.submit') : t('orders.form.submit')}
      </Button>
      {onCancel ? (
        <Button style={{ marginLeft: 8 }} onClick={onCancel} data-testid="order-form-cancel">
          {t('common.cancel')}
        </Button>
      ) : null}
    </Form>
  );
};
