import type { TImportJob } from '@qianke/contracts/imports';
import { Alert, Button, Flex, Skeleton, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeApiError } from '@/lib/describe-api-error';
import { useImport } from '../api/get-import';
import { ImportMapping } from './import-mapping';
import { ImportPreview } from './import-preview';
import { ImportResult } from './import-result';
import { ImportStatusTag } from './import-status-tag';

const STEP_OF: Record<TImportJob['status'], number> = {
  uploaded: 1,
  previewed: 2,
  importing: 2,
  failed: 2,
  done: 3,
};

type ImportJobViewProps = {
  jobId: string;
  /** The address of the upload page, for "import another file". */
  newImportPath: string;
};

/** One import, at the step its status says: mapping, preview, import, result. A reload lands on the same step. */
export const ImportJobView = ({ jobId, newImportPath }: ImportJobViewProps) => {
  const { t } = useTranslation();
  const [remapping, setRemapping] = useState(false);
  const query = useImport(jobId);
  const job = query.data;
  // A run started elsewhere (another tab, a reload mid-run): follow it until it ends.
  useImport(jobId, { poll: job?.status === 'importing' });

  if (query.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('imports.loadFailed')}
        description={describeApiError(query.error, t)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!job) return <Skeleton active />;

  const mapping = job.status === 'uploaded' || (remapping && job.status === 'previewed');
  const steps = ['upload', 'mapping', 'preview', 'result'] as const;

  return (
    <Flex vertical gap={24} data-testid="import-job">
      <Flex gap={8} align="center" wrap>
        <ImportStatusTag status={job.status} />
      </Flex>
      <Steps
        size="small"
        current={mapping ? 1 : STEP_OF[job.status]}
        items={steps.map((step) => ({ title: t(`imports.steps.${step}`) }))}
      />
      {mapping ? (
        <ImportMapping
          job={job}
          onMapped={() => setRemapping(false)}
          onCancel={job.status === 'previewed' ? () => setRemapping(false) : undefined}
        />
      ) : job.status === 'done' ? (
        <ImportResult job={job} newImportPath={newImportPath} />
      ) : (
        <ImportPreview job={job} onRemap={() => setRemapping(true)} />
      )}
    </Flex>
  );
};
