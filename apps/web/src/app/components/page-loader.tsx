import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export const PageLoader = ({ fullScreen = false }: { fullScreen?: boolean }) => {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: fullScreen ? '100vh' : 240, width: '100%' }}
      data-testid="page-loader"
    >
      <Spin size="large" description={t('common.loading')} />
    </Flex>
  );
};
