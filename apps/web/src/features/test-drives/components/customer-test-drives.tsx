import type { TTestDrive } from '@qianke/contracts/test-drives';
import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/i18n/use-language';
import { useTestDrives } from '../api/get-test-drives';
import { BookTestDriveDialog } from './book-test-drive-dialog';
import { storeSlot } from './store-time';
import { TestDriveDrawer } from './test-drive-drawer';
import { TestDriveStatusTag } from './test-drive-status-tag';

export type CustomerTestDrivesProps = {
  customer: { id: string; label: string };
  timeZone: string;
  canBook: boolean;
  pickConsultant: boolean;
  /** Whether the booking form is open (the page's button opens it). */
  booking: boolean;
  onBookingChange: (open: boolean) => void;
  /** After a booking or a change: the page refreshes the customer's timeline. */
  onChanged: () => void;
};

/** A customer's test drives, newest first, with the booking form and each drive's actions. */
export const CustomerTestDrives = ({
  customer,
  timeZone,
  canBook,
  pickConsultant,
  booking,
  onBookingChange,
  onChanged,
}: CustomerTestDrivesProps) => {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const drives = useTestDrives({ customerId: customer.id });
  const [open, setOpen] = useState<TTestDrive | null>(null);

  return (
    <Card
      title={t('testDrives.customerDrives')}
      size="small"
      data-testid="customer-test-drives"
      extra={
        canBook ? (
          <Button size="small" onClick={() => onBookingChange(true)}>
            {t('testDrives.book')}
          </Button>
        ) : null
      }
    >
      {drives.isError ? <Alert type="error" showIcon title={describeApiError(drives.error, t)} /> : null}
      <List
        size="small"
        loading={drives.isPending}
        locale={{ emptyText: t('testDrives.customerNoDrives') }}
        dataSource={drives.data?.items ?? []}
        renderItem={(drive) => (
          <List.Item
            data-testid="customer-test-drive"
            style={{ cursor: 'pointer' }}
            onClick={() => setOpen(drive)}
            extra={<TestDriveStatusTag status={drive.status} />}
          >
            <Space wrap>
              <Typography.Text strong>
                {formatDateTime(drive.startsAt, timeZone, language)?.slice(0, 10)}{' '}
                {storeSlot(drive, timeZone)}
              </Typography.Text>
              <span>
                {drive.demoCar.plateNo} · {drive.demoCar.label}
              </span>
              <Typography.Text type="secondary">{drive.consultant.name}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <BookTestDriveDialog
        open={booking}
        timeZone={timeZone}
        customer={customer}
        pickConsultant={pickConsultant}
        onClose={() => onBookingChange(false)}
        onBooked={(drive) => {
          onBookingChange(false);
          setOpen(drive);
          onChanged();
        }}
      />
      <TestDriveDrawer drive={open} timeZone={timeZone} onClose={() => setOpen(null)} onChanged={onChanged} />
    </Card>
  );
};
