import type { TLevelChanged } from '@qianke/contracts/follow-ups';
import { LEVELS, type Level } from '@qianke/core/leads/grading';
import { HORIZONS, type Horizon, temperatureOf } from '@qianke/core/leads/horizon';
import type { Man } from '@qianke/core/leads/man';
import { Alert, App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLastPresent } from '@/lib/use-last-present';
import { useChangeLevel } from '../api/change-level';
import { LevelChecklist } from './level-checklist';

/** The lead as the page knows it: what the dialog starts from and the version it sends back. */
export type GradedLead = {
  id: string;
  level: Level | null;
  horizon: Horizon | null;
  man: Man | null;
  version: number;
};

type ChangeLevelValues = { level?: Level; horizon?: Horizon; reason: string };

type ChangeLevelModalProps = {
  /** The lead to grade; null keeps the dialog closed. */
  lead: GradedLead | null;
  /** Whose lead it is, for the title. */
  customerName: string;
  onClose: () => void;
  onChanged: (changed: TLevelChanged) => void;
};

/**
 * "Change level" for one lead: the level with its seed-001 checklist, the purchase horizon and MAN,
 * and why. The server records the change (from, to, who, when, why) and re-plans the lead's task.
 */
export const ChangeLevelModal = ({ lead, customerName, onClose, onChanged }: ChangeLevelModalProps) => {
  const { t } = useTranslation();
  const shown = useLastPresent(lead);
  return (
    <Modal
      open={lead !== null}
      title={shown ? t('leadGrading.changeLevel.title', { name: customerName }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
      width={640}
    >
      {lead && <ChangeLevelForm key={lead.id} lead={lead} onClose={onClose} onChanged={onChanged} />}
    </Modal>
  );
};

const ChangeLevelForm = ({
  lead,
  onClose,
  onChanged,
}: Pick<ChangeLevelModalProps, 'onClose' | 'onChanged'> & { lead: GradedLead }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangeLevelValues>();
  const change = useChangeLevel();
  const [failure, setFailure] = useState<unknown>(null);
  const level = Form.useWatch('level', form);
  const [ticks, setTicks] = useState<Partial<Record<Level, string[]>>>({});
  const [man, setMan] = useState<Man | null>(lead.man);
  const [manTouched, setManTouched] = useState(false);
  const criteria = (level && ticks[level]) || [];

  const submit = (values: ChangeLevelValues) => {
    if (change.isPending || !values.level) return;
    setFailure(null);
    change.mutate(
      {
        leadId: lead.id,
        body: {
          level: values.level,
          ...(values.horizon ? { horizon: values.horizon } : {}),
          ...(criteria.length > 0 ? { criteria: [...criteria] } : {}),
          ...(manTouched && man ? { man } : {}),
          reason: values.reason.trim(),
          version: lead.version,
        },
      },
      {
        onSuccess: (changed) => {
          void message.success(t('leadGrading.changeLevel.success'));
          onChanged(changed);
        },
        onError: (error) => {
          if (
            hasErrorCode(error, 'validation_failed') &&
            applyFieldErrors(form, error, t, { fieldNames: ['level', 'horizon', 'reason'] })
          )
            return;
          setFailure(error);
        },
      },
    );
  };

  return (
    <div data-testid="change-level-dialog">
      <Form<ChangeLevelValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        initialValues={{ level: lead.level ?? undefined, horizon: lead.horizon ?? undefined, reason: '' }}
      >
        <Form.Item
          name="level"
          label={t('leadGrading.changeLevel.level')}
          rules={[{ required: true, message: t('leadGrading.changeLevel.levelRequired') }]}
        >
          <Select<Level>
            style={{ width: 200 }}
            options={LEVELS.map((value) => ({ value, label: value }))}
            data-testid="change-level-level"
          />
        </Form.Item>
        {level && (
          <div style={{ marginBottom: 16 }}>
            <LevelChecklist
              level={level}
              criteria={criteria}
              onCriteriaChange={(keys) => setTicks({ ...ticks, [level]: keys })}
              man={man}
              onManChange={(judged) => {
                setManTouched(true);
                setMan(judged);
              }}
            />
          </div>
        )}
        <Form.Item name="horizon" label={t('leadGrading.changeLevel.horizon')}>
          <Select<Horizon>
            style={{ width: 240 }}
            placeholder={t('leadGrading.changeLevel.horizonNone')}
            options={HORIZONS.map((horizon) => ({
              value: horizon,
              label: `${t(`customers.horizons.${horizon}`)} · ${t(`leadGrading.temperature.${temperatureOf(horizon)}`)}`,
            }))}
            data-testid="change-level-horizon"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('leadGrading.changeLevel.reason')}
          rules={[{ required: true, whitespace: true, message: t('leadGrading.changeLevel.reasonRequired') }]}
        >
          <Input
            maxLength={500}
            placeholder={t('leadGrading.changeLevel.reasonPlaceholder')}
            data-testid="change-level-reason"
          />
        </Form.Item>
        {failure !== null && (
          <div role="alert" style={{ marginBottom: 16 }}>
            <Alert
              type={hasErrorCode(failure, 'stale_version') ? 'warning' : 'error'}
              showIcon
              title={
                hasErrorCode(failure, 'stale_version')
                  ? t('leadGrading.changeLevel.stale')
                  : describeApiError(failure, t)
              }
            />
          </div>
        )}
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={change.isPending}
            data-testid="change-level-submit"
          >
            {t('leadGrading.changeLevel.submit')}
          </Button>
        </div>
      </Form>
    </div>
  );
};
