import { LEAD_CHANNELS, type TAssignmentRule } from '@qianke/contracts/assignment';
import type { TSourceTree } from '@qianke/contracts/sources';
import { canTakeLeads } from '@qianke/core/assignment/assignees';
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode, isApiError } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLanguage } from '@/lib/i18n/use-language';
import { useCreateRule } from '../api/create-rule';
import type { StoreUsers } from '../api/get-store-users';
import { useUpdateRule } from '../api/update-rule';

type RuleValues = {
  name: string;
  priority: number;
  channels: string[];
  sourceCodes: string[];
  poolUserIds: string[];
  openLeadCap: number | null;
  active: boolean;
};

type RuleFormModalProps = {
  /** null: closed; 'new': a new rule; a rule: edit it. */
  editing: TAssignmentRule | 'new' | null;
  users: StoreUsers | undefined;
  sources: TSourceTree | undefined;
  onClose: () => void;
  onSaved: (rule: TAssignmentRule) => void;
};

/** Sources as "channel / source / sub-source", by code. */
const sourceOptions = (tree: TSourceTree | undefined, language: string) => {
  const name = (node: { nameZh: string; nameEn: string }) => (language === 'en' ? node.nameEn : node.nameZh);
  return (tree?.items ?? []).flatMap((channel) => [
    { value: channel.code, label: name(channel) },
    ...channel.children.flatMap((source) => [
      { value: source.code, label: `${name(channel)} / ${name(source)}` },
      ...source.children.map((sub) => ({
        value: sub.code,
        label: `${name(channel)} / ${name(source)} / ${name(sub)}`,
      })),
    ]),
  ]);
};

/** Create or change an automatic assignment rule. */
export const RuleFormModal = ({ editing, users, sources, onClose, onSaved }: RuleFormModalProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<RuleValues>();
  const create = useCreateRule();
  const update = useUpdateRule();
  const [failure, setFailure] = useState<unknown>(null);
  const pending = create.isPending || update.isPending;
  const rule = editing === 'new' ? null : editing;

  useEffect(() => {
    if (!editing) return;
    setFailure(null);
    form.setFieldsValue(
      rule
        ? {
            name: rule.name,
            priority: rule.priority,
            channels: rule.match.channels,
            sourceCodes: rule.match.sourceCodes,
            poolUserIds: rule.poolUserIds,
            openLeadCap: rule.openLeadCap,
            active: rule.active,
          }
        : {
            name: '',
            priority: 100,
            channels: [],
            sourceCodes: [],
            poolUserIds: [],
            openLeadCap: null,
            active: true,
          },
    );
  }, [editing, rule, form]);

  const people = (users?.items ?? []).filter(
    (user) => canTakeLeads(user.roles) && (!user.disabled || rule?.poolUserIds.includes(user.id)),
  );

  const submit = (values: RuleValues) => {
    if (pending) return;
    setFailure(null);
    const body = {
      name: values.name.trim(),
      priority: values.priority,
      match: { channels: values.channels, sourceCodes: values.sourceCodes },
      poolUserIds: values.poolUserIds,
      openLeadCap: values.openLeadCap ?? null,
      active: values.active,
    };
    const onError = (error: unknown) => {
      if (hasErrorCode(error, 'stale_version')) {
        setFailure(error);
        return;
      }
      // The server names the match fields `match.channels` and `match.sourceCodes`; the form flat.
      const fields = isApiError(error) && error.fields ? error.fields : {};
      const nested = Object.entries(fields).filter(([name]) => name.startsWith('match.'));
      if (nested.length > 0) {
        form.setFields(
          nested.map(([name, text]) => ({
            name: (name.startsWith('match.channels') ? 'channels' : 'sourceCodes') as keyof RuleValues,
            errors: [text],
          })),
        );
        if (nested.length === Object.keys(fields).length) return;
      }
      const placed = applyFieldErrors(form, error, t, {
        fieldNames: ['name', 'priority', 'poolUserIds', 'openLeadCap'],
      });
      if (!placed && nested.length === 0) setFailure(error);
    };
    if (rule)
      update.mutate(
        { ruleId: rule.id, body: { version: rule.version, ...body } },
        { onSuccess: onSaved, onError },
      );
    else create.mutate(body, { onSuccess: onSaved, onError });
  };

  return (
    <Modal
      open={editing !== null}
      title={
        rule ? t('assignmentRules.form.editTitle', { name: rule.name }) : t('assignmentRules.form.newTitle')
      }
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="rule-submit">
            {t('common.save')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<RuleValues>
          form={form}
          layout="vertical"
          requiredMark="optional"
          onFinish={submit}
          onValuesChange={() => setFailure(null)}
        >
          {dom}
        </Form>
      )}
    >
      <div data-testid="rule-dialog">
        <Form.Item
          name="name"
          label={t('assignmentRules.form.name')}
          rules={[{ required: true, whitespace: true, message: t('assignmentRules.form.nameRequired') }]}
        >
          <Input maxLength={60} data-testid="rule-name" />
        </Form.Item>
        <Form.Item
          name="priority"
          label={t('assignmentRules.form.priority')}
          extra={t('assignmentRules.form.priorityHint')}
          rules={[{ required: true, message: t('assignmentRules.form.priorityRequired') }]}
        >
          <InputNumber min={0} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="channels"
          label={t('assignmentRules.form.channels')}
          extra={t('assignmentRules.form.matchHint')}
        >
          <Select
            mode="tags"
            data-testid="rule-channels"
            options={LEAD_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`leadChannels.${channel}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="sourceCodes" label={t('assignmentRules.form.sources')}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={sourceOptions(sources, language)}
            data-testid="rule-sources"
          />
        </Form.Item>
        <Form.Item
          name="poolUserIds"
          label={t('assignmentRules.form.pool')}
          extra={t('assignmentRules.form.poolHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('assignmentRules.form.poolRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={people.map((user) => ({
              value: user.id,
              label: user.disabled
                ? `${user.displayName} (${t('assignmentRules.disabled')})`
                : user.displayName,
            }))}
            data-testid="rule-pool"
          />
        </Form.Item>
        <Form.Item
          name="openLeadCap"
          label={t('assignmentRules.form.cap')}
          extra={t('assignmentRules.form.capHint')}
        >
          <InputNumber min={1} max={10000} precision={0} style={{ width: 160 }} data-testid="rule-cap" />
        </Form.Item>
        <Form.Item name="active" label={t('assignmentRules.form.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {failure !== null && (
          <div role="alert">
            <Alert
              type="error"
              showIcon
              title={
                hasErrorCode(failure, 'stale_version')
                  ? t('assignmentRules.stale')
                  : describeApiError(failure, t)
              }
            />
          </div>
        )}
      </div>
    </Modal>
  );
};
