import { AuditOutlined, FunnelPlotOutlined, InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

export const SalesManagerHome = () => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="sales_manager">
      <HomePanel
        testId="distribution-queue"
        icon={<InboxOutlined />}
        title={t('home.salesManager.distributionQueue')}
        hint={t('home.salesManager.distributionQueueHint')}
      />
      <HomePanel
        testId="overdue-by-consultant"
        icon={<WarningOutlined />}
        title={t('home.salesManager.overdueByConsultant')}
        hint={t('home.salesManager.overdueByConsultantHint')}
      />
      <HomePanel
        testId="funnel-this-month"
        icon={<FunnelPlotOutlined />}
        title={t('home.salesManager.funnelThisMonth')}
        hint={t('home.salesManager.funnelThisMonthHint')}
      />
      <HomePanel
        testId="pending-defeats"
        icon={<AuditOutlined />}
        title={t('home.salesManager.pendingDefeats')}
        hint={t('home.salesManager.pendingDefeatsHint')}
      />
    </PanelGrid>
  );
};
