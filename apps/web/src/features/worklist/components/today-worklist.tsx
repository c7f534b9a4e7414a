import { PlusOutlined } from '@ant-design/icons';
import type { TFollowUpLogged, TTask } from '@qianke/contracts/follow-ups';
import { Alert, App, Badge, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useTaskSummary } from '../api/get-task-summary';
import type { DueGroup } from '../api/get-tasks';
import { taskKindText } from '../hooks/task-text';
import { LogResultModal, type RenderLevelHelp } from './log-result-modal';
import { NewTaskModal } from './new-task-modal';
import { TaskTable } from './task-table';

const GROUPS: readonly { group: DueGroup; badge: string }[] = [
  { group: 'overdue', badge: '#ff4d4f' },
  { group: 'today', badge: '#fa8c16' },
  { group: 'upcoming', badge: '#1677ff' },
];

type TodayWorklistProps = {
  timeZone: string;
  /** Fewer rows per group, for the home page panel. */
  compact?: boolean;
  renderLevelHelp?: RenderLevelHelp | undefined;
};

type Logged = { task: TTask; logged: TFollowUpLogged | null };

/**
 * Today (今日工作): the user's open tasks in three groups, overdue, due today and upcoming, in the
 * store's time zone; one click logs a result and the rule plans the next task.
 */
export const TodayWorklist = ({ timeZone, compact = false, renderLevelHelp }: TodayWorklistProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const summary = useTaskSummary({ scope: 'mine' });
  const [logging, setLogging] = useState<TTask | null>(null);
  const [planning, setPlanning] = useState<{ open: boolean; forTask: TTask | null }>({
    open: false,
    forTask: null,
  });
  const [last, setLast] = useState<Logged | null>(null);
  // Overdue and today's tasks in full; upcoming ones a page at a time.
  const limitOf = (group: DueGroup) => (compact ? 5 : group === 'upcoming' ? 20 : 50);

  const onLogged = (task: TTask, logged: TFollowUpLogged | null) => {
    setLogging(null);
    setLast({ task, logged });
    void message.success(t('worklist.form.success'));
  };

  const next = last?.logged?.nextTask;
  return (
    <Flex vertical gap={16} data-testid="worklist">
      <Flex wrap gap={16} align="center">
        {GROUPS.map(({ group, badge }) => (
          <span key={group}>
            <Typography.Text>{t(`worklist.groups.${group}`)} </Typography.Text>
            <Badge
              count={summary.data?.[group] ?? 0}
              showZero
              overflowCount={999}
              color={badge}
              data-testid={`worklist-count-${group}`}
            />
          </span>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => setPlanning({ open: true, forTask: null })}
          style={{ marginInlineStart: 'auto' }}
          data-testid="new-task"
        >
          {t('worklist.planTask')}
        </Button>
      </Flex>

      {last && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setLast(null) }}
          data-testid="worklist-last-logged"
          title={t('worklist.logged.title', { name: last.task.customerName ?? taskKindText(last.task, t) })}
          description={
            next ? (
              <span data-testid="worklist-next-task">
                {t('worklist.logged.next', {
                  kind: taskKindText(next, t),
                  time: formatDateTime(next.dueAt, timeZone, language),
                })}
                {last.logged?.levelChange &&
                  ` · ${t('worklist.history.levelChange', {
                    from: last.logged.levelChange.fromLevel ?? t('worklist.ungraded'),
                    to: last.logged.levelChange.toLevel,
                  })}`}
              </span>
            ) : (
              t('worklist.logged.noNext')
            )
          }
        />
      )}

      {GROUPS.map(({ group }) => (
        <Card
          key={group}
          size="small"
          title={
            <span>
              {t(`worklist.groups.${group}`)}{' '}
              <Typography.Text type="secondary">({summary.data?.[group] ?? 0})</Typography.Text>
            </span>
          }
          data-testid={`worklist-group-${group}`}
        >
          <TaskTable
            params={{ scope: 'mine', due: group, limit: limitOf(group) }}
            timeZone={timeZone}
            onLogResult={setLogging}
            onPlanTask={(task) => setPlanning({ open: true, forTask: task })}
          />
        </Card>
      ))}

      <LogResultModal
        task={logging}
        timeZone={timeZone}
        onClose={() => setLogging(null)}
        onLogged={onLogged}
        renderLevelHelp={renderLevelHelp}
      />
      <NewTaskModal
        open={planning.open}
        forTask={planning.forTask}
        timeZone={timeZone}
        onClose={() => setPlanning({ open: false, forTask: null })}
      />
    </Flex>
  );
};
