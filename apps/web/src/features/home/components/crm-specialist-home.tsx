import { FlagOutlined, HeartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

export const CrmSpecialistHome = () => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="crm_specialist">
      <HomePanel
        testId="nurturing-pool"
        icon={<HeartOutlined />}
        title={t('home.crmSpecialist.nurturingPool')}
        hint={t('home.crmSpecialist.nurturingPoolHint')}
      />
      <HomePanel
        testId="milestones-due"
        icon={<FlagOutlined />}
        title={t('home.crmSpecialist.milestonesDue')}
        hint={t('home.crmSpecialist.milestonesDueHint')}
      />
    </PanelGrid>
  );
};
