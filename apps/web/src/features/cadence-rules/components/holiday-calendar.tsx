import { PlusOutlined } from '@ant-design/icons';
import type { THoliday } from '@qianke/contracts/follow-ups';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { applyFieldErrors } from '@/lib/form-errors';
import { useLanguage } from '@/lib/i18n/use-language';
import { useAddHoliday } from '../api/add-holiday';
import { useAddPublicHolidays } from '../api/add-public-holidays';
import { useDeleteHoliday } from '../api/delete-holiday';
import { useHolidays } from '../api/get-holidays';

type AddValues = { date: Dayjs; nameZh: string; nameEn?: string };

/** The holiday calendar (节日日历): C-level customers are greeted the day before each holiday. */
export const HolidayCalendar = ({ currentYear }: { currentYear: number }) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const holidays = useHolidays();
  const addHoliday = useAddHoliday();
  const addPublic = useAddPublicHolidays();
  const deleteHoliday = useDeleteHoliday();
  const [failure, setFailure] = useState<unknown>(null);
  const years = holidays.data?.cnPublicHolidayYears ?? [];
  const [year, setYear] = useState<number | undefined>(undefined);
  const chosenYear = year ?? years.find((y) => y >= currentYear) ?? years[years.length - 1];

  const add = (values: AddValues) => {
    setFailure(null);
    addHoliday.mutate(
      {
        date: values.date.format('YYYY-MM-DD'),
        nameZh: values.nameZh.trim(),
        ...(values.nameEn?.trim() ? { nameEn: values.nameEn.trim() } : {}),
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('cadenceRules.holidays.added', { count: 1 }));
        },
        onError: (error) => {
          if (applyFieldErrors(form, error, t, { fieldNames: ['date', 'nameZh', 'nameEn'] })) return;
          setFailure(error);
        },
      },
    );
  };

  const columns: TableColumnsType<THoliday> = [
    { key: 'date', title: t('cadenceRules.holidays.date'), dataIndex: 'date' },
    {
      key: 'name',
      title: t('cadenceRules.holidays.name'),
      render: (_, holiday) => (language === 'en' ? holiday.nameEn : holiday.nameZh),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, holiday) => (
        <Popconfirm
          title={t('cadenceRules.holidays.removeConfirm')}
          okText={t('cadenceRules.holidays.remove')}
          cancelText={t('common.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            deleteHoliday.mutate(holiday.date, {
              onSuccess: () => void message.success(t('cadenceRules.holidays.removed')),
              onError: setFailure,
            })
          }
        >
          <Button type="link" size="small" danger data-testid={`holiday-remove-${holiday.date}`}>
            {t('cadenceRules.holidays.remove')}
          </Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <Card title={t('cadenceRules.holidays.title')} data-testid="holiday-calendar">
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('cadenceRules.holidays.hint')}</Typography.Text>
        <Space wrap>
          <Select<number>
            value={chosenYear}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            aria-label={t('cadenceRules.holidays.year')}
            data-testid="holiday-year"
          />
          <Button
            icon={<PlusOutlined />}
            disabled={chosenYear === undefined}
            loading={addPublic.isPending}
            onClick={() => {
              if (chosenYear === undefined) return;
              setFailure(null);
              addPublic.mutate(chosenYear, {
                onSuccess: (result) =>
                  void message.success(t('cadenceRules.holidays.added', { count: result.added })),
                onError: setFailure,
              });
            }}
            data-testid="holiday-add-public"
          >
            {t('cadenceRules.holidays.addPublic', { year: chosenYear ?? '' })}
          </Button>
        </Space>
        <Form<AddValues> form={form} layout="inline" onFinish={add}>
          <Form.Item
            name="date"
            rules={[{ required: true, message: t('cadenceRules.holidays.dateRequired') }]}
          >
            <DatePicker placeholder={t('cadenceRules.holidays.date')} data-testid="holiday-date" />
          </Form.Item>
          <Form.Item
            name="nameZh"
            rules={[{ required: true, whitespace: true, message: t('cadenceRules.holidays.nameRequired') }]}
          >
            <Input
              placeholder={t('cadenceRules.holidays.nameZh')}
              maxLength={40}
              data-testid="holiday-name"
            />
          </Form.Item>
          <Form.Item name="nameEn">
            <Input placeholder={t('cadenceRules.holidays.nameEn')} maxLength={60} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={addHoliday.isPending} data-testid="holiday-add">
            {t('cadenceRules.holidays.add')}
          </Button>
        </Form>
        {(failure !== null || holidays.isError) && (
          <Alert type="error" showIcon title={describeApiError(failure ?? holidays.error, t)} />
        )}
        <Table<THoliday>
          rowKey="date"
          size="small"
          columns={columns}
          dataSource={holidays.data?.items ?? []}
          loading={holidays.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cadenceRules.holidays.empty')} />
            ),
          }}
          data-testid="holiday-table"
        />
      </Flex>
    </Card>
  );
};
