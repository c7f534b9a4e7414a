import type { TImportStatus } from '@qianke/contracts/imports';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOURS: Record<TImportStatus, string> = {
  uploaded: 'default',
  previewed: 'processing',
  importing: 'processing',
  done: 'success',
  failed: 'error',
};

export const ImportStatusTag = ({ status }: { status: TImportStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-testid="import-status">
      {t(`imports.status.${status}`)}
    </Tag>
  );
};
