import { BarChartOutlined, NotificationOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

export const MarketingManagerHome = () => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="marketing_manager">
      <HomePanel
        testId="running-campaigns"
        icon={<NotificationOutlined />}
        title={t('home.marketingManager.runningCampaigns')}
        hint={t('home.marketingManager.runningCampaignsHint')}
      />
      <HomePanel
        testId="leads-by-campaign"
        icon={<BarChartOutlined />}
        title={t('home.marketingManager.leadsByCampaign')}
        hint={t('home.marketingManager.leadsByCampaignHint')}
      />
    </PanelGrid>
  );
};
