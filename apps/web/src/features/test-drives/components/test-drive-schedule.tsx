import type { TTestDrive } from '@qianke/contracts/test-drives';
import { Alert, Button, Card, DatePicker, Empty, List, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useSchedule } from '../api/get-schedule';
import { BookTestDriveDialog } from './book-test-drive-dialog';
import { storeSlot, storeToday } from './store-time';
import { TestDriveDrawer } from './test-drive-drawer';
import { TestDriveStatusTag } from './test-drive-status-tag';

const MINUTES = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Where a drive sits on the day's bar, in percent of the opening hours. */
const barOf = (drive: TTestDrive, timeZone: string, opensAt: string, closesAt: string) => {
  const [from = '00:00', to = '00:00'] = storeSlot(drive, timeZone).split('–');
  const open = MINUTES(opensAt);
  const span = Math.max(MINUTES(closesAt) - open, 60);
  const left = Math.min(Math.max(((MINUTES(from) - open) / span) * 100, 0), 100);
  const right = Math.min(Math.max(((MINUTES(to) - open) / span) * 100, 0), 100);
  return { left: `${left}%`, width: `${Math.max(right - left, 1)}%` };
};

export type TestDriveScheduleProps = {
  timeZone: string;
  pickConsultant: boolean;
};

/** Each demo car's bookings of a chosen day, on a bar of the opening hours and as a list. */
export const TestDriveSchedule = ({ timeZone, pickConsultant }: TestDriveScheduleProps) => {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => storeToday(timeZone));
  const schedule = useSchedule(date);
  const [booking, setBooking] = useState<{ demoCarId?: string } | null>(null);
  const [open, setOpen] = useState<TTestDrive | null>(null);

  return (
    <div data-testid="test-drive-schedule">
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>{t('testDrives.date')}</Typography.Text>
        <DatePicker
          allowClear={false}
          value={dayjs(date)}
          onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))}
          data-testid="test-drive-date"
        />
        <Button onClick={() => setDate(storeToday(timeZone))}>{t('testDrives.today')}</Button>
        <Button type="primary" onClick={() => setBooking({})} data-testid="test-drive-new">
          {t('testDrives.book')}
        </Button>
      </Space>
      {schedule.isPending ? <Skeleton active /> : null}
      {schedule.isError ? <Alert type="error" showIcon title={describeApiError(schedule.error, t)} /> : null}
      {schedule.data && schedule.data.cars.length === 0 ? (
        <Empty description={t('testDrives.noCars')} />
      ) : null}
      <Space direction="vertical" style={{ width: '100%' }}>
        {schedule.data?.cars.map(({ car, drives }) => (
          <Card
            key={car.id}
            size="small"
            title={`${car.plateNo} · ${car.label}${car.colourName ? ` · ${car.colourName}` : ''}`}
            extra={
              <Button size="small" onClick={() => setBooking({ demoCarId: car.id })}>
                {t('testDrives.bookCar')}
              </Button>
            }
            data-testid={`test-drive-car-${car.plateNo}`}
          >
            <div
              style={{
                position: 'relative',
                height: 22,
                background: 'rgba(0,0,0,0.04)',
                borderRadius: 4,
                marginBottom: 8,
              }}
            >
              {drives
                .filter((drive) => drive.status !== 'cancelled')
                .map((drive) => (
                  <div
                    key={drive.id}
                    title={storeSlot(drive, timeZone)}
                    style={{
                      position: 'absolute',
                      top: 2,
                      bottom: 2,
                      ...barOf(
                        drive,
                        timeZone,
                        schedule.data?.opensAt ?? '09:00',
                        schedule.data?.closesAt ?? '18:00',
                      ),
                      background: drive.status === 'done' ? '#95de64' : '#69b1ff',
                      borderRadius: 3,
                    }}
                  />
                ))}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {schedule.data?.opensAt}–{schedule.data?.closesAt}
            </Typography.Text>
            <List
              size="small"
              locale={{ emptyText: t('testDrives.noDrives') }}
              dataSource={drives}
              renderItem={(drive) => (
                <List.Item
                  data-testid="test-drive-slot"
                  style={{ cursor: 'pointer' }}
                  onClick={() => setOpen(drive)}
                  extra={<TestDriveStatusTag status={drive.status} />}
                >
                  <Space>
                    <Typography.Text strong>{storeSlot(drive, timeZone)}</Typography.Text>
                    <span>{drive.customer?.name ?? '—'}</span>
                    <Typography.Text type="secondary">{drive.consultant.name}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        ))}
      </Space>
      <BookTestDriveDialog
        open={booking !== null}
        timeZone={timeZone}
        demoCarId={booking?.demoCarId}
        start={`${date}T10:00`}
        pickConsultant={pickConsultant}
        onClose={() => setBooking(null)}
        onBooked={() => setBooking(null)}
      />
      <TestDriveDrawer drive={open} timeZone={timeZone} onClose={() => setOpen(null)} />
    </div>
  );
};
