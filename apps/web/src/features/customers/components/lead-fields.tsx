import type { TCustomerFormOptions, TNewLead } from '@qianke/contracts/customers';
import { LEVELS, type Level } from '@qianke/core/leads/grading';
import { HORIZONS, type Horizon } from '@qianke/core/leads/horizon';
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n/use-language';
import { catalogName } from './customer-text';
import { SourceSelect } from './source-select';

/** The inquiry as the form holds it; empty selects are undefined. */
export type LeadValues = {
  sourceId?: string;
  seriesId?: string;
  modelId?: string;
  colourId?: string;
  level?: Level;
  horizon?: Horizon;
  campaignCode?: string;
  note?: string;
};

type LeadFieldsProps = {
  /** Where the inquiry sits in the form: ['lead'] on the new-customer form, [] on its own. */
  prefix: string[];
  series: TCustomerFormOptions['series'];
};

/** Source, intended series/model/colour, level, horizon, campaign and note of one inquiry. */
export const LeadFields = ({ prefix, series }: LeadFieldsProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const form = Form.useFormInstance();
  const name = (field: keyof LeadValues) => [...prefix, field];
  const seriesId = Form.useWatch(name('seriesId'), form) as string | undefined;
  const chosen = series.find((s) => s.id === seriesId);
  // A model or colour of the series chosen before would not fit the new one.
  const clearDependants = () => {
    form.setFieldValue(name('modelId'), undefined);
    form.setFieldValue(name('colourId'), undefined);
  };

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name={name('sourceId')}
            label={t('customers.fields.source')}
            rules={[{ required: true, message: t('customers.validation.sourceRequired') }]}
          >
            <SourceSelect mode="lead" data-testid="lead-source" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={name('campaignCode')} label={t('customers.fields.campaignCode')}>
            <Input maxLength={40} autoComplete="off" data-testid="lead-campaign" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={name('seriesId')} label={t('customers.fields.series')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              onChange={clearDependants}
              options={series.map((s) => ({ value: s.id, label: catalogName(s, language) }))}
              data-testid="lead-series"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={name('modelId')} label={t('customers.fields.model')}>
            <Select
              allowClear
              disabled={!chosen}
              options={(chosen?.models ?? []).map((m) => ({
                value: m.id,
                label: `${m.name} ${m.modelYear}`,
              }))}
              data-testid="lead-model"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={name('colourId')} label={t('customers.fields.colour')}>
            <Select
              allowClear
              disabled={!chosen}
              options={(chosen?.colours ?? []).map((c) => ({ value: c.id, label: catalogName(c, language) }))}
              data-testid="lead-colour"
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name={name('level')} label={t('customers.fields.level')}>
            <Select
              allowClear
              options={LEVELS.map((level) => ({
                value: level,
                label: `${level} · ${t(`customers.levels.${level}`)}`,
              }))}
              data-testid="lead-level"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={name('horizon')} label={t('customers.fields.horizon')}>
            <Select
              allowClear
              options={HORIZONS.map((h) => ({ value: h, label: t(`customers.horizons.${h}`) }))}
              data-testid="lead-horizon"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={name('note')} label={t('customers.fields.note')}>
        <Input.TextArea rows={2} maxLength={500} data-testid="lead-note" />
      </Form.Item>
    </>
  );
};

const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The form's inquiry as the API takes it. */
export const leadBody = (values: LeadValues): TNewLead => ({
  sourceId: values.sourceId ?? '',
  seriesId: values.seriesId ?? null,
  modelId: values.modelId ?? null,
  colourId: values.colourId ?? null,
  level: values.level ?? null,
  horizon: values.horizon ?? null,
  campaignCode: orNull(values.campaignCode),
  note: orNull(values.note),
});
