import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** After a deploy, the old page asks for route chunks that no longer exist. */
const isChunkLoadError = (error: unknown): boolean =>
  error instanceof Error &&
  /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);

export const CrashPage = ({ error }: { error: unknown }) => {
  const { t } = useTranslation();
  return (
    <Result
      status="500"
      title={t('crash.title')}
      subTitle={isChunkLoadError(error) ? t('crash.chunkFailed') : t('crash.subtitle')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('crash.reload')}
        </Button>
      }
      data-testid="crash-page"
    />
  );
};
