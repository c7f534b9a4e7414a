import type { TTask } from '@qianke/contracts/follow-ups';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useCreateTask } from '../api/create-task';
import { fromWallClock, WALL_CLOCK_FORMAT } from '../hooks/store-time';

type NewTaskValues = { title: string; dueAt: Dayjs };

type NewTaskModalProps = {
  open: boolean;
  /** Plan it on this task's lead and customer; without one it is a personal reminder. */
  forTask: TTask | null;
  timeZone: string;
  onClose: () => void;
};

/** A custom task the user plans (自定义任务): what, and when in the store's time. */
export const NewTaskModal = ({ open, forTask, timeZone, onClose }: NewTaskModalProps) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewTaskValues>();
  const createTask = useCreateTask();
  const [failure, setFailure] = useState<unknown>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const submit = (values: NewTaskValues) => {
    const dueAt = fromWallClock(values.dueAt.format(WALL_CLOCK_FORMAT), timeZone);
    if (!dueAt || createTask.isPending) return;
    setFailure(null);
    createTask.mutate(
      {
        title: values.title.trim(),
        dueAt,
        ...(forTask?.leadId ? { leadId: forTask.leadId } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('worklist.newTask.success'));
          close();
        },
        onError: (error) => {
          if (applyFieldErrors(form, error, t, { fieldNames: ['title', 'dueAt'] })) return;
          setFailure(error);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('worklist.newTask.title')}
      onCancel={close}
      destroyOnHidden
      footer={
        <>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={createTask.isPending}
            data-testid="new-task-submit"
          >
            {t('worklist.newTask.submit')}
          </Button>
        </>
      }
      modalRender={(dom) => (
        <Form<NewTaskValues> form={form} layout="vertical" clearOnDestroy onFinish={submit}>
          {dom}
        </Form>
      )}
    >
      <div data-testid="new-task-dialog">
        {forTask?.customerName && (
          <Typography.Paragraph type="secondary">
            {t('worklist.newTask.forCustomer', { name: forTask.customerName })}
          </Typography.Paragraph>
        )}
        <Form.Item
          name="title"
          label={t('worklist.newTask.taskTitle')}
          rules={[{ required: true, whitespace: true, message: t('worklist.newTask.titleRequired') }]}
        >
          <Input autoFocus maxLength={200} data-testid="new-task-title" />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label={t('worklist.newTask.dueAt')}
          rules={[{ required: true, message: t('worklist.newTask.dueRequired') }]}
        >
          <DatePicker showTime={{ format: 'HH:mm' }} format={WALL_CLOCK_FORMAT} data-testid="new-task-due" />
        </Form.Item>
        {failure !== null && <Alert type="error" showIcon title={describeApiError(failure, t)} />}
      </div>
    </Modal>
  );
};
