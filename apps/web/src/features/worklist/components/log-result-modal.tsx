import type { TFollowUpLogged, TTask } from '@qianke/contracts/follow-ups';
import { FOLLOW_UP_CHANNELS } from '@qianke/contracts/follow-ups';
import { LEVELS, type Level } from '@qianke/core/leads/grading';
import { HORIZONS, type Horizon, temperatureOf } from '@qianke/core/leads/horizon';
import type { Man } from '@qianke/core/leads/man';
import { Alert, Button, Collapse, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type KeyboardEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useLastPresent } from '@/lib/use-last-present';
import { useCompleteTask } from '../api/complete-task';
import { useFollowUpProposal } from '../api/get-follow-up-proposal';
import { useFollowUps } from '../api/get-follow-ups';
import { useLogFollowUp } from '../api/log-follow-up';
import { fromWallClock, toWallClock, WALL_CLOCK_FORMAT } from '../hooks/store-time';
import { taskKindText } from '../hooks/task-text';
import { FollowUpHistory } from './follow-up-history';
import { LevelTag } from './level-tag';

type Channel = (typeof FOLLOW_UP_CHANNELS)[number];

type LogResultValues = {
  channel: Channel;
  content: string;
  result: string;
  levelAfter?: Level;
  horizonAfter?: Horizon;
  reason?: string;
  nextContactAt?: Dayjs | null;
};

/** The grading the dialog holds and saves: the ticks of the level's checklist and the MAN. */
export type LevelGrading = {
  criteria: readonly string[];
  onCriteriaChange: (criteria: string[]) => void;
  /** null: not judged (yet) in this dialog nor before. */
  man: Man | null;
  onManChange: (man: Man) => void;
};

export type RenderLevelHelp = (level: Level, grading: LevelGrading) => ReactNode;

export type LogResultModalProps = {
  /** The task whose result is logged; null keeps the dialog closed. */
  task: TTask | null;
  timeZone: string;
  onClose: () => void;
  onLogged: (task: TTask, logged: TFollowUpLogged | null) => void;
  /** The grading checklist of a level with MAN, composed by the page (another feature). */
  renderLevelHelp?: RenderLevelHelp | undefined;
};

/**
 * The compact "log result" form: how, what was said, the result (required: a task is done only with
 * its result), the level after with its checklist, and the next contact pre-filled with the rule's
 * proposal. Ctrl+Enter saves; Esc closes.
 */
export const LogResultModal = ({
  task,
  timeZone,
  onClose,
  onLogged,
  renderLevelHelp,
}: LogResultModalProps) => {
  const { t } = useTranslation();
  const shown = useLastPresent(task);
  return (
    <Modal
      open={task !== null}
      title={shown ? t('worklist.form.title', { name: shown.customerName ?? taskKindText(shown, t) }) : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
      width={760}
    >
      {task && (
        <LogResultForm
          key={task.id}
          task={task}
          timeZone={timeZone}
          onClose={onClose}
          onLogged={onLogged}
          renderLevelHelp={renderLevelHelp}
        />
      )}
    </Modal>
  );
};

const LogResultForm = ({
  task,
  timeZone,
  onClose,
  onLogged,
  renderLevelHelp,
}: LogResultModalProps & { task: TTask }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<LogResultValues>();
  const logFollowUp = useLogFollowUp();
  const completeTask = useCompleteTask();
  const [failure, setFailure] = useState<unknown>(null);
  const [nextTouched, setNextTouched] = useState(false);
  const levelAfter = Form.useWatch('levelAfter', form);
  const leadId = task.leadId;
  const proposal = useFollowUpProposal(leadId, levelAfter);
  const pending = logFollowUp.isPending || completeTask.isPending;
  // The ticks of each level's checklist (only the chosen level's are saved) and the MAN judged.
  const [ticks, setTicks] = useState<Partial<Record<Level, string[]>>>({});
  const [man, setMan] = useState<Man | null>(null);
  const [manTouched, setManTouched] = useState(false);
  const criteria = (levelAfter && ticks[levelAfter]) || [];

  // The lead's horizon and MAN as stored start the form, until the user changes them.
  const lead = useFollowUps(leadId).data?.lead;
  useEffect(() => {
    if (!lead) return;
    if (!form.isFieldTouched('horizonAfter') && lead.horizon)
      form.setFieldValue('horizonAfter', lead.horizon);
    if (!manTouched) setMan(lead.man);
  }, [lead, form, manTouched]);

  // The rule's proposal fills the next contact until the user picks a time of their own.
  const proposedAt = proposal.data?.dueAt;
  useEffect(() => {
    if (!proposedAt || nextTouched) return;
    form.setFieldValue('nextContactAt', dayjs(toWallClock(proposedAt, timeZone), WALL_CLOCK_FORMAT));
  }, [proposedAt, nextTouched, form, timeZone]);

  const submit = (values: LogResultValues) => {
    if (pending) return;
    setFailure(null);
    const onError = (error: unknown) => {
      if (hasErrorCode(error, 'validation_failed')) {
        const placed = applyFieldErrors(form, error, t, {
          fieldNames: [
            'channel',
            'content',
            'result',
            'levelAfter',
            'horizonAfter',
            'reason',
            'nextContactAt',
          ],
        });
        if (placed) return;
      }
      setFailure(error);
    };
    const nextContactAt =
      nextTouched && values.nextContactAt
        ? fromWallClock(values.nextContactAt.format(WALL_CLOCK_FORMAT), timeZone)
        : undefined;
    if (!leadId) {
      completeTask.mutate(
        { taskId: task.id, body: { result: values.result.trim(), channel: values.channel } },
        { onSuccess: () => onLogged(task, null), onError },
      );
      return;
    }
    const levelChanged = values.levelAfter !== undefined && values.levelAfter !== task.level;
    logFollowUp.mutate(
      {
        leadId,
        body: {
          channel: values.channel,
          content: values.content.trim(),
          result: values.result.trim(),
          taskId: task.id,
          ...(levelChanged && values.levelAfter ? { levelAfter: values.levelAfter } : {}),
          ...(levelChanged && values.reason?.trim() ? { reason: values.reason.trim() } : {}),
          ...(values.horizonAfter ? { horizonAfter: values.horizonAfter } : {}),
          ...(criteria.length > 0 ? { criteria: [...criteria] } : {}),
          ...(manTouched && man ? { man } : {}),
          ...(nextContactAt ? { nextContactAt } : {}),
        },
      },
      { onSuccess: (logged) => onLogged(task, logged), onError },
    );
  };

  const saveOnCtrlEnter = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  };

  const levelChanged = levelAfter !== undefined && levelAfter !== task.level;
  const proposalText = proposal.data
    ? proposal.data.holiday
      ? t('worklist.form.proposalHoliday', {
          time: formatDateTime(proposal.data.dueAt, timeZone, language),
          name: language === 'en' ? proposal.data.holiday.nameEn : proposal.data.holiday.nameZh,
        })
      : t('worklist.form.proposal', { time: formatDateTime(proposal.data.dueAt, timeZone, language) })
    : null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Enter anywhere in the form saves it.
    <div onKeyDown={saveOnCtrlEnter} data-testid="log-result-dialog">
      <Typography.Paragraph type="secondary">
        {taskKindText(task, t)} · {formatDateTime(task.dueAt, timeZone, language)}{' '}
        {task.leadId && <LevelTag level={task.level} />}
      </Typography.Paragraph>
      <Form<LogResultValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        onFinish={submit}
        initialValues={{ channel: 'phone', content: '', result: '', levelAfter: task.level ?? undefined }}
      >
        <Form.Item name="channel" label={t('worklist.form.channel')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={FOLLOW_UP_CHANNELS.map((channel) => ({
              value: channel,
              label: t(`worklist.channels.${channel}`),
            }))}
            data-testid="log-channel"
          />
        </Form.Item>
        {leadId && (
          <Form.Item
            name="content"
            label={t('worklist.form.content')}
            rules={[{ required: true, whitespace: true, message: t('worklist.form.contentRequired') }]}
          >
            <Input.TextArea
              autoFocus
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={2000}
              placeholder={t('worklist.form.contentPlaceholder')}
              data-testid="log-content"
            />
          </Form.Item>
        )}
        <Form.Item
          name="result"
          label={t('worklist.form.result')}
          rules={[{ required: true, whitespace: true, message: t('worklist.form.resultRequired') }]}
        >
          <Input.TextArea
            autoFocus={!leadId}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            placeholder={t('worklist.form.resultPlaceholder')}
            data-testid="log-result"
          />
        </Form.Item>
        {leadId && (
          <>
            <Form.Item name="levelAfter" label={t('worklist.form.levelAfter')}>
              <Select<Level>
                style={{ width: 200 }}
                placeholder={t('worklist.ungraded')}
                options={LEVELS.map((level) => ({ value: level, label: level }))}
                data-testid="log-level"
              />
            </Form.Item>
            {levelAfter && renderLevelHelp && (
              <div style={{ marginBottom: 16 }} data-testid="log-level-help">
                {renderLevelHelp(levelAfter, {
                  criteria,
                  onCriteriaChange: (keys) => setTicks({ ...ticks, [levelAfter]: keys }),
                  man,
                  onManChange: (judged) => {
                    setManTouched(true);
                    setMan(judged);
                  },
                })}
              </div>
            )}
            <Form.Item
              name="horizonAfter"
              label={t('worklist.form.horizonAfter')}
              extra={t('worklist.form.horizonHint')}
            >
              <Select<Horizon>
                style={{ width: 240 }}
                placeholder={t('worklist.form.horizonNone')}
                options={HORIZONS.map((horizon) => ({
                  value: horizon,
                  label: `${t(`customers.horizons.${horizon}`)} · ${t(`leadGrading.temperature.${temperatureOf(horizon)}`)}`,
                }))}
                data-testid="log-horizon"
              />
            </Form.Item>
            {levelChanged && (
              <Form.Item
                name="reason"
                label={t('worklist.form.reason')}
                extra={t('worklist.form.reasonHint')}
              >
                <Input maxLength={500} data-testid="log-reason" />
              </Form.Item>
            )}
            <Form.Item
              name="nextContactAt"
              label={t('worklist.form.nextContactAt')}
              extra={
                proposalText && (
                  <span data-testid="next-contact-proposal">
                    {proposalText}
                    {nextTouched && (
                      <Button
                        type="link"
                        size="small"
                        onClick={() => {
                          setNextTouched(false);
                          if (proposedAt) {
                            form.setFieldValue(
                              'nextContactAt',
                              dayjs(toWallClock(proposedAt, timeZone), WALL_CLOCK_FORMAT),
                            );
                          }
                        }}
                      >
                        {t('worklist.form.useProposal')}
                      </Button>
                    )}
                  </span>
                )
              }
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format={WALL_CLOCK_FORMAT}
                allowClear={false}
                onChange={() => setNextTouched(true)}
                data-testid="log-next-contact"
              />
            </Form.Item>
          </>
        )}
        {failure !== null && (
          <div role="alert" style={{ marginBottom: 16 }}>
            <Alert type="error" showIcon title={describeApiError(failure, t)} />
          </div>
        )}
        <div style={{ display: 'flex', gap: 8, justifyContent: 'flex-end', alignItems: 'center' }}>
          <Typography.Text type="secondary">{t('worklist.form.shortcut')}</Typography.Text>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={pending} data-testid="log-submit">
            {t('worklist.form.submit')}
          </Button>
        </div>
      </Form>
      {leadId && (
        <Collapse
          ghost
          style={{ marginTop: 16 }}
          items={[
            {
              key: 'history',
              label: t('worklist.history.title'),
              children: <FollowUpHistory leadId={leadId} timeZone={timeZone} />,
            },
          ]}
          data-testid="log-history"
        />
      )}
    </div>
  );
};
