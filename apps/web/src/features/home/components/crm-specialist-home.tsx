import { FlagOutlined, HeartOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

/** `worklist`: the Today worklist, composed by the page; it holds the milestones due. */
export const CrmSpecialistHome = ({ worklist }: { worklist?: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="crm_specialist" lead={worklist}>
      <HomePanel
        testId="nurturing-pool"
        icon={<HeartOutlined />}
        title={t('home.crmSpecialist.nurturingPool')}
        hint={t('home.crmSpecialist.nurturingPoolHint')}
      />
      {!worklist && (
        <HomePanel
          testId="milestones-due"
          icon={<FlagOutlined />}
          title={t('home.crmSpecialist.milestonesDue')}
          hint={t('home.crmSpecialist.milestonesDueHint')}
        />
      )}
    </PanelGrid>
  );
};
