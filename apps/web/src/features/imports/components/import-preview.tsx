import type { TImportJob } from '@qianke/contracts/imports';
import { Alert, Button, type ButtonProps, Flex, Popconfirm, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImport } from '../api/get-import';
import { useRunImport } from '../api/run-import';
import { useImportTexts } from '../hooks/use-import-texts';
import { ImportCounts } from './import-counts';
import { ImportRowsTable } from './import-rows-table';

type ImportPreviewProps = {
  job: TImportJob;
  /** Back to the mapping step. */
  onRemap: () => void;
};

/** The checked file: counts, every row with its problems, and the button that imports the valid rows. */
export const ImportPreview = ({ job, onRemap }: ImportPreviewProps) => {
  const { t } = useTranslation();
  const { errorText } = useImportTexts();
  const run = useRunImport(job.id);
  // Polled while the run is under way, so the progress bar moves.
  useImport(job.id, { poll: run.isPending });
  const counts = job.counts;
  if (!counts) return null;
  const running = run.isPending || job.status === 'importing';
  const processed = job.createdRows + job.mergedRows + job.rejectedRows;

  return (
    <Flex vertical gap={16} data-testid="import-preview">
      <ImportCounts counts={counts} />
      {job.status === 'failed' && !running && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.preview.interrupted')}
          data-testid="import-interrupted"
        />
      )}
      {running ? (
        <Flex vertical gap={4} data-testid="import-progress">
          <Typography.Text>{t('imports.preview.running')}</Typography.Text>
          <Progress percent={Math.floor((processed / Math.max(1, job.totalRows)) * 100)} status="active" />
        </Flex>
      ) : (
        <Flex gap={8} wrap align="center">
          <Button onClick={onRemap} data-testid="import-remap">
            {t('imports.preview.remap')}
          </Button>
          <Popconfirm
            title={t('imports.preview.confirmTitle')}
            description={t('imports.preview.confirmText', {
              create: counts.willCreate,
              merge: counts.willMerge,
              rejected: counts.rejected,
            })}
            okText={t('imports.preview.confirm')}
            cancelText={t('common.cancel')}
            okButtonProps={{ 'data-testid': 'import-run-confirm' } as ButtonProps}
            onConfirm={() => run.mutate()}
            disabled={counts.valid === 0}
          >
            <Button type="primary" disabled={counts.valid === 0} data-testid="import-run">
              {job.status === 'failed'
                ? t('imports.preview.resume')
                : t('imports.preview.run', { count: counts.valid })}
            </Button>
          </Popconfirm>
          {counts.valid === 0 && (
            <Typography.Text type="secondary">{t('imports.preview.nothingValid')}</Typography.Text>
          )}
        </Flex>
      )}
      {run.isError && (
        <Alert
          type="error"
          showIcon
          title={t('imports.preview.runFailed')}
          description={errorText(run.error)}
        />
      )}
      <ImportRowsTable job={job} />
    </Flex>
  );
};
