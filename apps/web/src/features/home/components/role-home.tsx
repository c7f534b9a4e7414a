import type { Role } from '@qianke/core/accounts/roles';
import { Empty } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsultantHome } from './consultant-home';
import { CrmSpecialistHome } from './crm-specialist-home';
import { DccAgentHome } from './dcc-agent-home';
import { MarketingManagerHome } from './marketing-manager-home';
import { ReceptionistHome } from './receptionist-home';
import { SalesManagerHome } from './sales-manager-home';

type RoleHomeProps = {
  homeRole: Role | null;
  /** The administrator's home needs store data the page composes; the others need nothing yet. */
  adminHome: ReactNode;
  /** The Today worklist for the roles that follow up on leads (consultant, DCC, CRM). */
  worklist?: ReactNode;
};

/** Each role lands on its own home page (`me.homeRole`, chosen by the server). */
export const RoleHome = ({ homeRole, adminHome, worklist }: RoleHomeProps) => {
  const { t } = useTranslation();
  switch (homeRole) {
    case 'admin':
      return <>{adminHome}</>;
    case 'sales_manager':
      return <SalesManagerHome />;
    case 'consultant':
      return <ConsultantHome worklist={worklist} />;
    case 'receptionist':
      return <ReceptionistHome />;
    case 'dcc_agent':
      return <DccAgentHome worklist={worklist} />;
    case 'crm_specialist':
      return <CrmSpecialistHome worklist={worklist} />;
    case 'marketing_manager':
      return <MarketingManagerHome />;
    case null:
      return (
        <div data-testid="home-none">
          <Empty description={t('home.noRole')} />
        </div>
      );
  }
};
