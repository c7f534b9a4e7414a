import type { TTask } from '@qianke/contracts/follow-ups';
import { Alert, Button, Empty, Flex, Space, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { type DueGroup, type TasksParams, useTasks } from '../api/get-tasks';
import { taskKindText } from '../hooks/task-text';
import { LevelTag } from './level-tag';

type TaskTableProps = {
  params: TasksParams;
  timeZone: string;
  /** Show whose task it is (the store's view). */
  showAssignee?: boolean;
  onLogResult: (task: TTask) => void;
  onPlanTask?: ((task: TTask) => void) | undefined;
};

/** One due group of open tasks: customer, level, what to do, when; one click to log the result. */
export const TaskTable = ({
  params,
  timeZone,
  showAssignee = false,
  onLogResult,
  onPlanTask,
}: TaskTableProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const query = useTasks(params);
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const group: DueGroup = params.due;

  const columns: TableColumnsType<TTask> = [
    {
      key: 'customer',
      title: t('worklist.columns.customer'),
      render: (_, task) =>
        task.customerName ? (
          <Space size={4} orientation="vertical">
            <Typography.Text strong>{task.customerName}</Typography.Text>
            {task.cardNo && <Typography.Text type="secondary">{task.cardNo}</Typography.Text>}
          </Space>
        ) : (
          <Typography.Text type="secondary">{t('worklist.noCustomer')}</Typography.Text>
        ),
    },
    {
      key: 'level',
      title: t('worklist.columns.level'),
      width: 80,
      render: (_, task) => (task.leadId ? <LevelTag level={task.level} /> : null),
    },
    { key: 'kind', title: t('worklist.columns.kind'), render: (_, task) => taskKindText(task, t) },
    {
      key: 'dueAt',
      title: t('worklist.columns.dueAt'),
      render: (_, task) => (
        <Typography.Text type={group === 'overdue' ? 'danger' : undefined}>
          {formatDateTime(task.dueAt, timeZone, language)}
        </Typography.Text>
      ),
    },
    ...(showAssignee
      ? [{ key: 'assignee', title: t('worklist.columns.assignee'), dataIndex: 'assigneeName' as const }]
      : []),
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, task) => (
        <Space size={0} wrap>
          <Button
            type="primary"
            size="small"
            onClick={() => onLogResult(task)}
            data-testid={`log-result-${task.id}`}
          >
            {t('worklist.logResult')}
          </Button>
          {onPlanTask && task.leadId && (
            <Button type="link" size="small" onClick={() => onPlanTask(task)}>
              {t('worklist.planTask')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      {query.isError && (
        <Alert
          type="error"
          showIcon
          title={t('worklist.loadFailed')}
          description={describeApiError(query.error, t)}
          action={
            <Button size="small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}
      <Table<TTask>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={query.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(task) => ({ 'data-testid': `task-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(`worklist.empty.${group}`)} />
          ),
        }}
        data-testid={`worklist-table-${group}`}
      />
      {query.hasNextPage && (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} block>
          {t('worklist.loadMore')}
        </Button>
      )}
    </Flex>
  );
};
