import { LoginOutlined, PhoneOutlined, ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

export const ReceptionistHome = () => {
  const { t } = useTranslation();
  return (
    <PanelGrid homeRole="receptionist">
      <HomePanel
        testId="in-showroom-now"
        icon={<ShopOutlined />}
        title={t('home.receptionist.inShowroomNow')}
        hint={t('home.receptionist.inShowroomNowHint')}
      />
      <HomePanel
        testId="todays-arrivals"
        icon={<LoginOutlined />}
        title={t('home.receptionist.todaysArrivals')}
        hint={t('home.receptionist.todaysArrivalsHint')}
      />
      <HomePanel
        testId="callbacks-due"
        icon={<PhoneOutlined />}
        title={t('home.receptionist.callbacksDue')}
        hint={t('home.receptionist.callbacksDueHint')}
      />
    </PanelGrid>
  );
};
