import type { TFollowUpLogged, TTask, TTaskSummary } from '@qianke/contracts/follow-ups';
import { Alert, App, Button, Card, Flex, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useTaskSummary } from '../api/get-task-summary';
import { LogResultModal, type RenderLevelHelp } from './log-result-modal';
import { TaskTable } from './task-table';

type AssigneeCounts = TTaskSummary['byAssignee'][number];

type StoreTasksProps = {
  timeZone: string;
  renderLevelHelp?: RenderLevelHelp | undefined;
};

/** The manager's view: every user's open tasks counted, and the store's overdue tasks by user. */
export const StoreTasks = ({ timeZone, renderLevelHelp }: StoreTasksProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [assigneeId, setAssigneeId] = useState<string | undefined>(undefined);
  const summary = useTaskSummary({ scope: 'store' });
  const [logging, setLogging] = useState<TTask | null>(null);

  const columns: TableColumnsType<AssigneeCounts> = [
    { key: 'assignee', title: t('worklist.columns.assignee'), dataIndex: 'assigneeName' },
    {
      key: 'overdue',
      title: t('worklist.groups.overdue'),
      dataIndex: 'overdue',
      sorter: (a, b) => a.overdue - b.overdue,
      defaultSortOrder: 'descend',
      render: (count: number) => (
        <Typography.Text type={count > 0 ? 'danger' : undefined}>{count}</Typography.Text>
      ),
    },
    { key: 'today', title: t('worklist.groups.today'), dataIndex: 'today' },
    { key: 'upcoming', title: t('worklist.groups.upcoming'), dataIndex: 'upcoming' },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          onClick={() => setAssigneeId(row.assigneeId)}
          data-testid={`store-tasks-show-${row.assigneeId}`}
        >
          {t('worklist.store.showOverdue')}
        </Button>
      ),
    },
  ];

  const onLogged = (_task: TTask, _logged: TFollowUpLogged | null) => {
    setLogging(null);
    void message.success(t('worklist.form.success'));
  };

  return (
    <Flex vertical gap={16} data-testid="store-tasks">
      {summary.isError && <Alert type="error" showIcon title={describeApiError(summary.error, t)} />}
      <Card size="small" title={t('worklist.store.byUser')}>
        <Table<AssigneeCounts>
          rowKey="assigneeId"
          size="small"
          columns={columns}
          dataSource={summary.data?.byAssignee ?? []}
          loading={summary.isLoading}
          pagination={false}
          data-testid="store-tasks-by-user"
        />
      </Card>
      <Card
        size="small"
        title={t('worklist.store.overdueTitle')}
        extra={
          <Select<string>
            value={assigneeId}
            onChange={setAssigneeId}
            allowClear
            placeholder={t('worklist.store.allUsers')}
            aria-label={t('worklist.store.filterUser')}
            style={{ width: 200 }}
            options={(summary.data?.byAssignee ?? []).map((row) => ({
              value: row.assigneeId,
              label: row.assigneeName,
            }))}
            data-testid="store-tasks-user-filter"
          />
        }
      >
        <TaskTable
          params={{ scope: 'store', due: 'overdue', assigneeId, limit: 50 }}
          timeZone={timeZone}
          showAssignee
          onLogResult={setLogging}
        />
      </Card>
      <LogResultModal
        task={logging}
        timeZone={timeZone}
        onClose={() => setLogging(null)}
        onLogged={onLogged}
        renderLevelHelp={renderLevelHelp}
      />
    </Flex>
  );
};
