import type { TCadenceRuleSet, TCadenceRules, TInterval } from '@qianke/contracts/follow-ups';
import { HH_MM, INTERVAL_UNITS } from '@qianke/contracts/follow-ups';
import { LEVELS, type Level } from '@qianke/core/leads/grading';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Segmented,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { useRules } from '../api/get-rules';
import { useResetPreset } from '../api/reset-preset';
import { useSaveRules } from '../api/save-rules';

type LevelValue = { mode: 'interval' | 'holiday'; every: number; unit: TInterval['unit'] };

type RulesValues = {
  levels: Record<Level, LevelValue>;
  firstContactHours: number;
  ownerCare: { intensive: TInterval; intensiveMonths: number; regular: TInterval };
  holidayFallback: TInterval;
  dueTime: string;
};

const PRESETS = ['seed_001', 'seed_003'] as const;

const toValues = (rules: TCadenceRules): RulesValues => ({
  levels: Object.fromEntries(
    LEVELS.map((level) => {
      const rule = rules.levels[level];
      return [
        level,
        rule === 'holiday' ? { mode: 'holiday', every: 1, unit: 'week' } : { mode: 'interval', ...rule },
      ];
    }),
  ) as Record<Level, LevelValue>,
  firstContactHours: rules.firstContactHours,
  ownerCare: rules.ownerCare,
  holidayFallback: rules.holidayFallback,
  dueTime: rules.dueTime,
});

const toRules = (values: RulesValues): TCadenceRules => ({
  levels: Object.fromEntries(
    LEVELS.map((level) => {
      const value = values.levels[level];
      return [level, value.mode === 'holiday' ? 'holiday' : { every: value.every, unit: value.unit }];
    }),
  ) as TCadenceRules['levels'],
  firstContactHours: values.firstContactHours,
  ownerCare: values.ownerCare,
  holidayFallback: values.holidayFallback,
  dueTime: values.dueTime,
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every N days / weeks / months: two fields under one label. */
const IntervalField = ({ name, testId }: { name: (string | number)[]; testId: string }) => {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Form.Item
        name={[...name, 'every']}
        noStyle
        rules={[
          { required: true, type: 'integer', min: 1, max: 365, message: t('cadenceRules.everyInvalid') },
        ]}
      >
        <InputNumber min={1} max={365} precision={0} style={{ width: 90 }} data-testid={`${testId}-every`} />
      </Form.Item>
      <Form.Item name={[...name, 'unit']} noStyle>
        <Select
          style={{ width: 90 }}
          options={INTERVAL_UNITS.map((unit) => ({ value: unit, label: t(`cadenceRules.units.${unit}`) }))}
          data-testid={`${testId}-unit`}
        />
      </Form.Item>
    </Space.Compact>
  );
};

/** The per-store rule table (跟进规则): cadence per level, call-back hours, owner care, due time. */
export const RulesForm = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RulesValues>();
  const rules = useRules();
  const saveRules = useSaveRules();
  const resetPreset = useResetPreset();
  const [failure, setFailure] = useState<unknown>(null);
  const levels = Form.useWatch('levels', form);
  const ruleSet = rules.data;

  useEffect(() => {
    if (ruleSet) form.setFieldsValue(toValues(ruleSet.rules));
  }, [ruleSet, form]);

  const saved = (result: TCadenceRuleSet & { replanned: number }) => {
    form.setFieldsValue(toValues(result.rules));
    void message.success(t('cadenceRules.saved', { count: result.replanned }));
  };

  const submit = (values: RulesValues) => {
    if (!ruleSet || saveRules.isPending) return;
    setFailure(null);
    const next = toRules(values);
    const preset = PRESETS.find((name) => same(ruleSet.presets[name], next)) ?? 'custom';
    saveRules.mutate(
      { preset, rules: next, version: ruleSet.version },
      { onSuccess: saved, onError: setFailure },
    );
  };

  const reset = (preset: (typeof PRESETS)[number]) => {
    if (!ruleSet) return;
    setFailure(null);
    resetPreset.mutate({ preset, version: ruleSet.version }, { onSuccess: saved, onError: setFailure });
  };

  if (rules.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('cadenceRules.loadFailed')}
        description={describeApiError(rules.error, t)}
      />
    );
  }
  if (!ruleSet) return <Skeleton active paragraph={{ rows: 8 }} />;
  const stale = failure !== null && hasErrorCode(failure, 'stale_version');

  return (
    <Card
      title={t('cadenceRules.tableTitle')}
      extra={
        <Space wrap>
          <Typography.Text type="secondary">{t('cadenceRules.preset.label')}</Typography.Text>
          <Tag color="blue" data-testid="rules-preset">
            {t(`cadenceRules.preset.${ruleSet.preset}`)}
          </Tag>
        </Space>
      }
      data-testid="rules-form"
    >
      <Flex vertical gap={16}>
        <Flex wrap gap={8}>
          {PRESETS.map((preset) => (
            <Popconfirm
              key={preset}
              title={t('cadenceRules.resetTitle', { name: t(`cadenceRules.preset.${preset}`) })}
              description={t('cadenceRules.resetConfirm')}
              okText={t('cadenceRules.reset')}
              cancelText={t('common.cancel')}
              onConfirm={() => reset(preset)}
            >
              <Button loading={resetPreset.isPending} data-testid={`rules-reset-${preset}`}>
                {t('cadenceRules.resetTo', { name: t(`cadenceRules.preset.${preset}`) })}
              </Button>
            </Popconfirm>
          ))}
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('cadenceRules.presetHint')}
        </Typography.Paragraph>
        <Form<RulesValues> form={form} layout="horizontal" labelCol={{ flex: '220px' }} onFinish={submit}>
          <Typography.Title level={5}>{t('cadenceRules.levelsTitle')}</Typography.Title>
          {LEVELS.map((level) => (
            <Form.Item key={level} label={t('cadenceRules.levelLabel', { level })}>
              <Space wrap>
                <Form.Item name={['levels', level, 'mode']} noStyle>
                  <Segmented
                    options={[
                      { value: 'interval', label: t('cadenceRules.every') },
                      { value: 'holiday', label: t('cadenceRules.holidayCare') },
                    ]}
                    data-testid={`rules-level-${level}-mode`}
                  />
                </Form.Item>
                {levels?.[level]?.mode !== 'holiday' && (
                  <IntervalField name={['levels', level]} testId={`rules-level-${level}`} />
                )}
              </Space>
            </Form.Item>
          ))}
          <Typography.Title level={5}>{t('cadenceRules.otherTitle')}</Typography.Title>
          <Form.Item
            name="firstContactHours"
            label={t('cadenceRules.firstContactHours')}
            extra={t('cadenceRules.firstContactHint')}
            rules={[
              { required: true, type: 'integer', min: 1, max: 168, message: t('cadenceRules.hoursInvalid') },
            ]}
          >
            <InputNumber min={1} max={168} precision={0} data-testid="rules-first-contact-hours" />
          </Form.Item>
          <Form.Item label={t('cadenceRules.ownerCare')} extra={t('cadenceRules.ownerCareHint')}>
            <Space wrap>
              <IntervalField name={['ownerCare', 'intensive']} testId="rules-owner-intensive" />
              <Typography.Text>{t('cadenceRules.forMonths')}</Typography.Text>
              <Form.Item
                name={['ownerCare', 'intensiveMonths']}
                noStyle
                rules={[
                  {
                    required: true,
                    type: 'integer',
                    min: 1,
                    max: 24,
                    message: t('cadenceRules.monthsInvalid'),
                  },
                ]}
              >
                <InputNumber min={1} max={24} precision={0} style={{ width: 80 }} />
              </Form.Item>
              <Typography.Text>{t('cadenceRules.thenEvery')}</Typography.Text>
              <IntervalField name={['ownerCare', 'regular']} testId="rules-owner-regular" />
            </Space>
          </Form.Item>
          <Form.Item label={t('cadenceRules.holidayFallback')} extra={t('cadenceRules.holidayFallbackHint')}>
            <IntervalField name={['holidayFallback']} testId="rules-holiday-fallback" />
          </Form.Item>
          <Form.Item
            name="dueTime"
            label={t('cadenceRules.dueTime')}
            extra={t('cadenceRules.dueTimeHint', { zone: ruleSet.timeZone })}
            rules={[{ required: true, pattern: HH_MM, message: t('cadenceRules.dueTimeInvalid') }]}
          >
            <Input style={{ width: 100 }} placeholder="18:00" data-testid="rules-due-time" />
          </Form.Item>
          {failure !== null && (
            <div role="alert" style={{ marginBottom: 16 }}>
              <Alert
                type={stale ? 'warning' : 'error'}
                showIcon
                title={stale ? t('cadenceRules.stale') : describeApiError(failure, t)}
                action={
                  stale ? (
                    <Button
                      size="small"
                      onClick={() => {
                        setFailure(null);
                        void rules.refetch();
                      }}
                    >
                      {t('common.reload')}
                    </Button>
                  ) : undefined
                }
              />
            </div>
          )}
          <Button type="primary" htmlType="submit" loading={saveRules.isPending} data-testid="rules-save">
            {t('cadenceRules.save')}
          </Button>
        </Form>
      </Flex>
    </Card>
  );
};
