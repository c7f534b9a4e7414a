import { PlusOutlined } from '@ant-design/icons';
import type { TDefeatReason } from '@qianke/contracts/defeat';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasErrorCode } from '@/lib/api-client';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useCreateReason } from '../api/create-reason';
import { useReasons } from '../api/get-reasons';
import { useUpdateReason } from '../api/update-reason';

type ReasonValues = { code: string; nameZh: string; nameEn: string; needsCompetitor: boolean; sort?: number };

/** The store's list of defeat reasons (战败原因): add, rename, reorder, retire. */
export const ReasonsAdmin = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reasons = useReasons();
  const create = useCreateReason();
  const update = useUpdateReason();
  const [editing, setEditing] = useState<TDefeatReason | 'new' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [form] = Form.useForm<ReasonValues>();
  const reason = editing === 'new' ? null : editing;

  useEffect(() => {
    if (!editing) return;
    setFailure(null);
    form.setFieldsValue(
      reason
        ? {
            code: reason.code,
            nameZh: reason.nameZh,
            nameEn: reason.nameEn,
            needsCompetitor: reason.needsCompetitor,
            sort: reason.sort,
          }
        : { code: '', nameZh: '', nameEn: '', needsCompetitor: false },
    );
  }, [editing, reason, form]);

  const staleText = (error: unknown) =>
    hasErrorCode(error, 'stale_version') ? t('defeat.reasons.stale') : describeApiError(error, t);

  const toggle = (row: TDefeatReason, active: boolean) =>
    update.mutate(
      { reasonId: row.id, body: { version: row.version, active } },
      { onError: (error) => void message.error(staleText(error)) },
    );

  const submit = (values: ReasonValues) => {
    setFailure(null);
    const onError = (error: unknown) => {
      const placed = applyFieldErrors(form, error, t, {
        fieldNames: ['code', 'nameZh', 'nameEn', 'sort'],
        conflictTexts: { code: t('defeat.reasons.codeTaken') },
      });
      if (!placed) setFailure(error);
    };
    const onSuccess = (saved: TDefeatReason) => {
      setEditing(null);
      void message.success(t('defeat.reasons.saved', { name: saved.nameZh }));
    };
    const common = {
      nameZh: values.nameZh.trim(),
      nameEn: values.nameEn.trim(),
      needsCompetitor: values.needsCompetitor,
      ...(values.sort !== undefined && values.sort !== null ? { sort: values.sort } : {}),
    };
    if (reason)
      update.mutate(
        { reasonId: reason.id, body: { version: reason.version, ...common } },
        { onSuccess, onError },
      );
    else create.mutate({ code: values.code.trim().toLowerCase(), ...common }, { onSuccess, onError });
  };

  const columns: TableColumnsType<TDefeatReason> = [
    { key: 'sort', dataIndex: 'sort', title: t('defeat.reasons.sort'), width: 80 },
    { key: 'code', dataIndex: 'code', title: t('defeat.reasons.code') },
    { key: 'nameZh', dataIndex: 'nameZh', title: t('defeat.reasons.nameZh') },
    { key: 'nameEn', dataIndex: 'nameEn', title: t('defeat.reasons.nameEn') },
    {
      key: 'needsCompetitor',
      dataIndex: 'needsCompetitor',
      title: t('defeat.reasons.needsCompetitor'),
      render: (needs: boolean) => (needs ? <Tag color="orange">{t('defeat.reasons.yes')}</Tag> : null),
    },
    {
      key: 'active',
      title: t('defeat.reasons.active'),
      render: (_, row) => (
        <Switch
          size="small"
          checked={row.active}
          loading={update.isPending && update.variables?.reasonId === row.id}
          onChange={(active) => toggle(row, active)}
          aria-label={t('defeat.reasons.active')}
        />
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          onClick={() => setEditing(row)}
          data-testid={`edit-reason-${row.code}`}
        >
          {t('defeat.reasons.edit')}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing('new')}
          data-testid="new-reason"
        >
          {t('defeat.reasons.new')}
        </Button>
      </Flex>
      {reasons.isError && <Alert type="error" showIcon title={describeApiError(reasons.error, t)} />}
      <Table<TDefeatReason>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={reasons.data?.items ?? []}
        loading={reasons.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="reasons-table"
      />
      <Modal
        open={editing !== null}
        title={reason ? t('defeat.reasons.editTitle', { name: reason.nameZh }) : t('defeat.reasons.newTitle')}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        mask={{ closable: false }}
        footer={
          <>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
              {t('common.save')}
            </Button>
          </>
        }
        modalRender={(dom) => (
          <Form<ReasonValues> form={form} layout="vertical" requiredMark="optional" onFinish={submit}>
            {dom}
          </Form>
        )}
      >
        <Form.Item
          name="code"
          label={t('defeat.reasons.code')}
          extra={t('defeat.reasons.codeHint')}
          rules={[
            { required: true, message: t('defeat.reasons.codeRequired') },
            { pattern: /^[a-z][a-z0-9_]{1,39}$/, message: t('defeat.reasons.codeHint') },
          ]}
        >
          <Input disabled={reason !== null} maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('defeat.reasons.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('defeat.reasons.nameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('defeat.reasons.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('defeat.reasons.nameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name="sort" label={t('defeat.reasons.sort')}>
          <InputNumber min={0} max={100000} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="needsCompetitor" valuePropName="checked">
          <Checkbox>{t('defeat.reasons.needsCompetitorHint')}</Checkbox>
        </Form.Item>
        {failure !== null && (
          <div role="alert">
            <Alert type="error" showIcon title={staleText(failure)} />
          </div>
        )}
      </Modal>
    </Flex>
  );
};
