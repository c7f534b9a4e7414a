import { CarOutlined, PhoneOutlined, ScheduleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

/** `worklist`: the Today worklist, composed by the page; it is the call list. */
export const DccAgentHome = ({ worklist }: { worklist?: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="dcc_agent" lead={worklist}>
      {!worklist && (
        <HomePanel
          testId="call-list"
          icon={<PhoneOutlined />}
          title={t('home.dccAgent.callList')}
          hint={t('home.dccAgent.callListHint')}
        />
      )}
      <HomePanel
        testId="invitations-today"
        icon={<ScheduleOutlined />}
        title={t('home.dccAgent.invitationsToday')}
        hint={t('home.dccAgent.invitationsTodayHint')}
      />
      <HomePanel
        testId="arrivals"
        icon={<CarOutlined />}
        title={t('home.dccAgent.arrivals')}
        hint={t('home.dccAgent.arrivalsHint')}
      />
    </PanelGrid>
  );
};
