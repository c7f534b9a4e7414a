import { EnterOutlined, StarFilled } from '@ant-design/icons';
import type { TLoggedVisit, TPhoneLookup, TVisitKind } from '@qianke/contracts/showroom';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  type InputRef,
  Radio,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useShowroomOptions } from '../api/get-showroom-options';
import { useSuggestedConsultant } from '../api/get-suggested-consultant';
import { useLogVisit } from '../api/log-visit';
import { usePhoneLookup } from '../api/lookup-phone';
import { useDebouncedValue } from '../hooks/use-debounced-value';
import { describeShowroomError, fieldErrorsOf, seriesName, sourceName } from './showroom-text';
import { sourceTreeOf } from './source-tree';

type ArrivalValues = {
  kind: TVisitKind;
  phone?: string;
  name?: string;
  gender?: 'male' | 'female';
  partySize: number;
  consultantId?: string;
  seriesId?: string;
  sourceId?: string;
  returning?: boolean;
  note?: string;
};

const FIELDS = [
  'kind',
  'phone',
  'name',
  'gender',
  'partySize',
  'consultantId',
  'seriesId',
  'sourceId',
  'note',
] as const;

/** Enough digits to be a whole number worth asking about (a mobile has 11, a landline 7 or more). */
const looksComplete = (phone: string) => phone.replace(/\D/g, '').length >= 7;

const PhoneLookupHint = ({ lookup, timeZone }: { lookup: TPhoneLookup; timeZone: string }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const repeatKey = lookup.firstVisit ? 'first' : 'repeat';
  return (
    <Flex wrap gap={4} align="center" data-testid="phone-lookup">
      <Tag color={lookup.firstVisit ? 'blue' : 'purple'} data-testid={`phone-lookup-${repeatKey}`}>
        {t(lookup.firstVisit ? 'showroom.visit.first' : 'showroom.visit.repeat')}
      </Tag>
      {lookup.known ? (
        <Typography.Text type="secondary">
          {lookup.customerName
            ? t('showroom.lookup.known', { name: lookup.customerName, cardNo: lookup.cardNo ?? '' })
            : t('showroom.lookup.knownHidden')}
          {lookup.ownerName ? ` · ${t('showroom.lookup.owner', { name: lookup.ownerName })}` : ''}
          {` · ${t('showroom.lookup.history', { visits: lookup.visits, phoneIns: lookup.phoneIns })}`}
          {lookup.lastVisitAt
            ? ` · ${t('showroom.lookup.lastVisit', { at: formatDateTime(lookup.lastVisitAt, timeZone, language) })}`
            : ''}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('showroom.lookup.newCustomer')}</Typography.Text>
      )}
    </Flex>
  );
};

type ArrivalFormProps = {
  /** Times are shown in the store's time zone. */
  timeZone: string;
  onLogged?: (visit: TLoggedVisit) => void;
};

/**
 * Arrival in two clicks: the consultant the rotation offers is already chosen, the source defaults to
 * walk-in (or phone-in), Enter logs it, and the cursor is back in the phone field for the next one.
 */
export const ArrivalForm = ({ timeZone, onLogged }: ArrivalFormProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<ArrivalValues>();
  const phoneRef = useRef<InputRef>(null);
  const logVisit = useLogVisit();
  const options = useShowroomOptions();
  const rotation = useSuggestedConsultant();
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  // Once the receptionist picks a consultant by hand, the rotation no longer overrides the choice.
  const [pickedByHand, setPickedByHand] = useState(false);

  const kind = Form.useWatch('kind', form) ?? 'visit';
  const phone = (Form.useWatch('phone', form) ?? '').trim();
  const settledPhone = useDebouncedValue(phone, 300);
  const lookup = usePhoneLookup(looksComplete(settledPhone) ? settledPhone : '', kind);
  const suggestedId = rotation.data?.consultantId ?? undefined;
  // The form is reset after the rotation has been asked again: read its latest answer, not the one seen
  // when the arrival was submitted.
  const latestSuggestedId = useRef(suggestedId);
  latestSuggestedId.current = suggestedId;

  useEffect(() => {
    if (!pickedByHand && suggestedId) form.setFieldValue('consultantId', suggestedId);
  }, [suggestedId, pickedByHand, form]);

  const sourceTree = useMemo(
    () => sourceTreeOf(options.data?.sources ?? [], language),
    [options.data?.sources, language],
  );
  const defaultSource = options.data?.sources.find((s) => s.id === options.data?.defaultSourceIds[kind]);

  const startOver = (keepKind: TVisitKind) => {
    form.resetFields();
    form.setFieldsValue({ kind: keepKind, consultantId: latestSuggestedId.current });
    setPickedByHand(false);
    phoneRef.current?.focus();
  };

  const submit = (values: ArrivalValues) => {
    if (logVisit.isPending) return;
    setFailure(null);
    const typedPhone = values.phone?.trim() || undefined;
    logVisit.mutate(
      {
        kind: values.kind,
        phone: typedPhone,
        name: values.name?.trim() || undefined,
        gender: typedPhone ? values.gender : undefined,
        partySize: values.partySize,
        consultantId: values.consultantId ?? '',
        seriesId: values.seriesId ?? null,
        sourceId: values.sourceId ?? null,
        firstVisit: typedPhone ? undefined : !values.returning,
        note: values.note?.trim() || undefined,
      },
      {
        onSuccess: (visit) => {
          const who = visit.customer?.name ?? visit.phone ?? t('showroom.form.anonymous');
          void message.success(
            t('showroom.form.logged', {
              kind: t(`showroom.kind.${visit.kind}`),
              who,
              first: t(
                visit.kind === 'visit'
                  ? visit.firstVisit
                    ? 'showroom.visit.first'
                    : 'showroom.visit.repeat'
                  : visit.firstVisit
                    ? 'showroom.visit.firstCall'
                    : 'showroom.visit.repeatCall',
              ),
              consultant: visit.consultant?.name ?? '-',
            }),
          );
          onLogged?.(visit);
          startOver(values.kind);
        },
        onError: (error) => {
          const placed = fieldErrorsOf(error, t, FIELDS);
          if (placed.length > 0) form.setFields(placed as never);
          const all = isApiError(error) ? Object.keys(error.fields ?? {}).length : 0;
          if (placed.length === 0 || placed.length < all) setFailure({ error });
        },
      },
    );
  };

  const consultants = rotation.data?.consultants ?? [];
  const suggestion = rotation.data;

  return (
    <Form<ArrivalValues>
      form={form}
      name="arrival"
      layout="vertical"
      requiredMark={false}
      initialValues={{ kind: 'visit', partySize: 1 }}
      onFinish={submit}
      onValuesChange={(changed: Partial<ArrivalValues>) => {
        setFailure(null);
        if ('consultantId' in changed) setPickedByHand(true);
      }}
      data-testid="arrival-form"
    >
      <Row gutter={12}>
        <Col xs={24} md={8} lg={5}>
          <Form.Item name="kind" label={t('showroom.form.kind')}>
            <Segmented<TVisitKind>
              block
              options={[
                {
                  value: 'visit',
                  label: <span data-testid="arrival-kind-visit">{t('showroom.kind.visit')}</span>,
                },
                {
                  value: 'phone_in',
                  label: <span data-testid="arrival-kind-phone_in">{t('showroom.kind.phone_in')}</span>,
                },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16} lg={7}>
          <Form.Item
            name="phone"
            label={t('showroom.form.phone')}
            extra={
              lookup.data && looksComplete(phone) && phone === settledPhone ? (
                <PhoneLookupHint lookup={lookup.data} timeZone={timeZone} />
              ) : null
            }
          >
            <Input
              ref={phoneRef}
              autoFocus
              allowClear
              inputMode="tel"
              autoComplete="off"
              placeholder={t('showroom.form.phonePlaceholder')}
              data-testid="arrival-phone"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={10} lg={5}>
          <Form.Item name="name" label={t('showroom.form.name')}>
            <Input
              autoComplete="off"
              maxLength={60}
              placeholder={t('showroom.form.namePlaceholder')}
              data-testid="arrival-name"
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8} lg={4}>
          <Form.Item name="gender" label={t('showroom.form.gender')}>
            <Radio.Group optionType="button" disabled={phone === ''} data-testid="arrival-gender">
              <Radio.Button value="male">{t('showroom.form.male')}</Radio.Button>
              <Radio.Button value="female">{t('showroom.form.female')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
        </Col>
        <Col xs={12} md={6} lg={3}>
          <Form.Item
            name="partySize"
            label={t('showroom.form.partySize')}
            rules={[
              { required: true, type: 'integer', min: 1, max: 20, message: t('showroom.errors.partySize') },
            ]}
          >
            <InputNumber
              min={1}
              max={20}
              precision={0}
              style={{ width: '100%' }}
              data-testid="arrival-party-size"
            />
          </Form.Item>
        </Col>
      </Row>

      <Form.Item
        name="consultantId"
        label={t('showroom.form.consultant')}
        rules={[{ required: true, message: t('showroom.errors.consultantRequired') }]}
        extra={
          suggestion ? (
            <Typography.Text type="secondary" data-testid="suggested-consultant">
              {suggestion.consultantId && suggestion.reason
                ? t('showroom.rotation.suggested', {
                    name: suggestion.name ?? '',
                    reason: t(`showroom.rotation.reasons.${suggestion.reason}`),
                  })
                : t('showroom.rotation.none')}
            </Typography.Text>
          ) : null
        }
      >
        {rotation.isPending ? (
          <Skeleton.Input active />
        ) : (
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="arrival-consultant">
            {consultants.map((consultant) => (
              <Radio.Button
                key={consultant.id}
                value={consultant.id}
                data-testid={`consultant-option-${consultant.consultantCode ?? consultant.id}`}
              >
                <Space size={4}>
                  {consultant.id === suggestedId && <StarFilled aria-label={t('showroom.rotation.next')} />}
                  {consultant.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12, color: 'inherit', opacity: 0.75 }}>
                    {t('showroom.rotation.receptions', { count: consultant.receptionsToday })}
                    {consultant.busy ? ` · ${t('showroom.rotation.busy')}` : ''}
                    {consultant.onDuty ? '' : ` · ${t('showroom.rotation.offDuty')}`}
                  </Typography.Text>
                </Space>
              </Radio.Button>
            ))}
          </Radio.Group>
        )}
      </Form.Item>

      <Row gutter={12} align="bottom">
        <Col xs={24} md={8} lg={5}>
          <Form.Item name="seriesId" label={t('showroom.form.series')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('showroom.form.seriesPlaceholder')}
              loading={options.isPending}
              options={(options.data?.series ?? []).map((series) => ({
                value: series.id,
                label: seriesName(series, language),
              }))}
              data-testid="arrival-series"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} lg={5}>
          <Form.Item name="sourceId" label={t('showroom.form.source')}>
            <TreeSelect
              allowClear
              treeDefaultExpandAll={false}
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={
                defaultSource
                  ? t('showroom.form.sourceDefault', { name: sourceName(defaultSource, language) })
                  : t('showroom.form.sourcePlaceholder')
              }
              treeData={sourceTree}
              data-testid="arrival-source"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8} lg={6}>
          <Form.Item name="note" label={t('showroom.form.note')}>
            <Input autoComplete="off" maxLength={500} data-testid="arrival-note" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={4}>
          <Form.Item name="returning" valuePropName="checked" hidden={phone !== ''}>
            <Checkbox data-testid="arrival-returning">{t('showroom.form.returning')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} md={12} lg={4}>
          <Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              icon={<EnterOutlined />}
              loading={logVisit.isPending}
              data-testid="arrival-submit"
            >
              {t(kind === 'visit' ? 'showroom.form.submitVisit' : 'showroom.form.submitPhoneIn')}
            </Button>
          </Form.Item>
        </Col>
      </Row>
      {failure && (
        <div role="alert">
          <Alert type="error" showIcon title={describeShowroomError(failure.error, t)} />
        </div>
      )}
      {(options.isError || rotation.isError) && (
        <Alert
          type="warning"
          showIcon
          title={t('showroom.form.loadFailed')}
          description={describeShowroomError(options.error ?? rotation.error, t)}
          action={
            <Button
              size="small"
              onClick={() => {
                void options.refetch();
                void rotation.refetch();
              }}
            >
              {t('common.retry')}
            </Button>
          }
        />
      )}
    </Form>
  );
};
