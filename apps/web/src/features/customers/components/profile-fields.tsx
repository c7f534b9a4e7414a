import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { ZCustomerName, ZPhoneInput } from '@qianke/contracts/customers';
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { schemaRule } from '@/lib/form-rules';

export type ProfileValues = {
  name: string;
  phone: string;
  kind: 'person' | 'company';
  gender?: 'male' | 'female' | null;
  otherPhones?: { phone: string; label?: string }[];
  region?: string;
  address?: string;
  occupation?: string;
  company?: string;
  currentCar?: string;
  budgetMin?: number | null;
  budgetMax?: number | null;
  paymentIntent?: 'cash' | 'loan' | 'undecided' | null;
};

const MAX_OTHER_PHONES = 5;

/** The profile card fields of DOMAIN §2, in the order staff ask for them. */
export const ProfileFields = ({
  autoFocus = false,
  phoneEditable = true,
}: {
  autoFocus?: boolean;
  /** False where the numbers are masked for this user: they are shown, not edited. */
  phoneEditable?: boolean;
}) => {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label={t('customers.fields.name')}
            rules={[
              { required: true, whitespace: true, message: t('customers.validation.nameRequired') },
              schemaRule(ZCustomerName, t),
            ]}
          >
            <Input autoFocus={autoFocus} autoComplete="off" maxLength={60} data-testid="customer-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {phoneEditable && (
            <Form.Item
              name="phone"
              label={t('customers.fields.phone')}
              extra={t('customers.form.phoneHint')}
              rules={[
                { required: true, whitespace: true, message: t('customers.validation.phoneRequired') },
                schemaRule(ZPhoneInput, t, t('customers.validation.phone')),
              ]}
              validateTrigger="onBlur"
            >
              <Input inputMode="tel" autoComplete="off" maxLength={40} data-testid="customer-phone" />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="kind" label={t('customers.fields.kind')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'person', label: t('customers.kind.person') },
                { value: 'company', label: t('customers.kind.company') },
              ]}
              data-testid="customer-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="gender" label={t('customers.fields.gender')}>
            <Radio.Group
              options={[
                { value: 'male', label: t('customers.gender.male') },
                { value: 'female', label: t('customers.gender.female') },
              ]}
              data-testid="customer-gender"
            />
          </Form.Item>
        </Col>
      </Row>
      {phoneEditable && (
        <Form.List name="otherPhones">
          {(fields, { add, remove }) => (
            <Form.Item label={t('customers.fields.otherPhones')}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[field.name, 'phone']}
                    rules={[
                      { required: true, whitespace: true, message: t('customers.validation.phoneRequired') },
                      schemaRule(ZPhoneInput, t, t('customers.validation.phone')),
                    ]}
                    validateTrigger="onBlur"
                  >
                    <Input inputMode="tel" autoComplete="off" placeholder={t('customers.fields.phone')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'label']}>
                    <Input
                      maxLength={20}
                      placeholder={t('customers.form.phoneLabel')}
                      style={{ width: 140 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={t('customers.form.removePhone')}
                  />
                </Space>
              ))}
              {fields.length < MAX_OTHER_PHONES && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ phone: '', label: '' })}>
                  {t('customers.form.addPhone')}
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="region" label={t('customers.fields.region')}>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="address" label={t('customers.fields.address')}>
            <Input maxLength={200} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="occupation" label={t('customers.fields.occupation')}>
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="company" label={t('customers.fields.company')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="currentCar" label={t('customers.fields.currentCar')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={8}>
          <Form.Item name="budgetMin" label={t('customers.fields.budgetMin')}>
            <InputNumber min={0} step={10_000} style={{ width: '100%' }} data-testid="customer-budget-min" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item
            name="budgetMax"
            label={t('customers.fields.budgetMax')}
            dependencies={['budgetMin']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: number | null | undefined) => {
                  const min = getFieldValue('budgetMin') as number | null | undefined;
                  if (value == null || min == null || min <= value) return;
                  throw new Error(t('customers.validation.budgetOrder'));
                },
              }),
            ]}
          >
            <InputNumber min={0} step={10_000} style={{ width: '100%' }} data-testid="customer-budget-max" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="paymentIntent" label={t('customers.fields.paymentIntent')}>
            <Select
              allowClear
              options={(['cash', 'loan', 'undecided'] as const).map((p) => ({
                value: p,
                label: t(`customers.payment.${p}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
};

const text = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The form's profile as the API takes it (empty means "not known"). */
export const profileBody = (values: ProfileValues) => ({
  name: values.name.trim(),
  phone: (values.phone ?? '').trim(),
  kind: values.kind,
  gender: values.gender ?? null,
  otherPhones: (values.otherPhones ?? [])
    .filter((p) => p.phone?.trim())
    .map((p) => ({ phone: p.phone.trim(), label: text(p.label) })),
  region: text(values.region),
  address: text(values.address),
  occupation: text(values.occupation),
  company: text(values.company),
  currentCar: text(values.currentCar),
  budgetMin: values.budgetMin ?? null,
  budgetMax: values.budgetMax ?? null,
  paymentIntent: values.paymentIntent ?? null,
});
