import type { TTestDriveStatus } from '@qianke/contracts/test-drives';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<TTestDriveStatus, string> = {
  booked: 'blue',
  done: 'green',
  cancelled: 'default',
  no_show: 'orange',
};

export const TestDriveStatusTag = ({ status }: { status: TTestDriveStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid={`test-drive-status-${status}`}>
      {t(`testDrives.status.${status}`)}
    </Tag>
  );
};
