import { LoginOutlined, PhoneOutlined, RightOutlined, ShopOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '@/lib/paths';
import { HomePanel } from './home-panel';
import { PanelGrid } from './panel-grid';

export const ReceptionistHome = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <PanelGrid homeRole="receptionist">
      <Card
        title={
          <span>
            <LoginOutlined style={{ marginInlineEnd: 8 }} />
            {t('showroom.title')}
          </span>
        }
        style={{ height: '100%' }}
        data-testid="panel-reception-desk"
      >
        <Typography.Paragraph type="secondary">{t('showroom.home.hint')}</Typography.Paragraph>
        <Button
          type="primary"
          icon={<RightOutlined />}
          iconPlacement="end"
          onClick={() => void navigate(paths.showroom)}
          data-testid="open-reception-desk"
        >
          {t('showroom.home.open')}
        </Button>
      </Card>
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
