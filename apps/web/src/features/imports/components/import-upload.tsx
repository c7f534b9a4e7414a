import { InboxOutlined } from '@ant-design/icons';
import type { TUploadImportResponse } from '@qianke/contracts/imports';
import { Alert, Flex, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadImport } from '../api/upload-import';
import { useImportTexts } from '../hooks/use-import-texts';

const ACCEPTED = /\.(xlsx|csv)$/i;

type ImportUploadProps = { onUploaded: (upload: TUploadImportResponse) => void };

/** Drag a file here or click to choose one: .xlsx or .csv, sent as it is, read on the server. */
export const ImportUpload = ({ onUploaded }: ImportUploadProps) => {
  const { t } = useTranslation();
  const { errorText } = useImportTexts();
  const upload = useUploadImport();
  const [refused, setRefused] = useState<string | null>(null);

  const send = (file: File) => {
    setRefused(null);
    upload.reset();
    if (!ACCEPTED.test(file.name)) {
      setRefused(t('imports.errors.wrongType'));
      return;
    }
    upload.mutate(file, { onSuccess: onUploaded });
  };

  return (
    <Flex vertical gap={12}>
      <Spin spinning={upload.isPending} description={t('imports.upload.reading')}>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={upload.isPending}
          beforeUpload={(file) => {
            send(file);
            // The file goes up as the raw body (see api/upload-import.ts), not through antd's form upload.
            return Upload.LIST_IGNORE;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <Typography.Paragraph strong style={{ marginBottom: 4 }}>
            {t('imports.upload.hint')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('imports.upload.limits')}</Typography.Text>
        </Upload.Dragger>
      </Spin>
      {(refused || upload.isError) && (
        <Alert
          type="error"
          showIcon
          title={t('imports.upload.failed')}
          description={refused ?? errorText(upload.error)}
          data-testid="import-upload-error"
        />
      )}
    </Flex>
  );
};
