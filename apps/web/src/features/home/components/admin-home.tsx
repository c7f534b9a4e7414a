import { SettingOutlined, ShopOutlined, TeamOutlined } from '@ant-design/icons';
import type { TStore } from '@qianke/contracts/stores';
import { Card, Descriptions, Flex, List, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type AdminHomeProps = {
  store: TStore;
  /** Active accounts of the store; undefined while loading, null when it could not be read. */
  activeUsers: number | null | undefined;
  usersHref: string | null;
  storeSettingsHref: string | null;
};

export const AdminHome = ({ store, activeUsers, usersHref, storeSettingsHref }: AdminHomeProps) => {
  const { t } = useTranslation();
  const links = [
    usersHref && {
      key: 'users',
      href: usersHref,
      icon: <TeamOutlined />,
      title: t('home.admin.manageUsers'),
      hint: t('home.admin.manageUsersHint'),
    },
    storeSettingsHref && {
      key: 'store-settings',
      href: storeSettingsHref,
      icon: <SettingOutlined />,
      title: t('home.admin.manageStore'),
      hint: t('home.admin.manageStoreHint'),
    },
  ].filter((link) => !!link);

  return (
    <div data-testid="home-admin">
      <Flex vertical gap={16}>
        <Card
          title={
            <span>
              <ShopOutlined style={{ marginInlineEnd: 8 }} />
              {t('home.admin.storeSummary')}
            </span>
          }
          data-testid="panel-store-summary"
        >
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'group', label: t('home.admin.groupName'), children: store.groupName },
              { key: 'name', label: t('home.admin.storeName'), children: store.name },
              { key: 'code', label: t('home.admin.storeCode'), children: store.code },
              { key: 'timeZone', label: t('home.admin.timeZone'), children: store.timeZone },
              {
                key: 'users',
                label: t('home.admin.activeUsers'),
                children:
                  activeUsers === undefined ? (
                    <Skeleton.Input active size="small" />
                  ) : activeUsers === null ? (
                    <Typography.Text type="secondary">-</Typography.Text>
                  ) : (
                    <span data-testid="active-users">{activeUsers}</span>
                  ),
              },
            ]}
          />
        </Card>
        {links.length > 0 && (
          <Card title={t('home.admin.quickLinks')}>
            <List
              dataSource={links}
              renderItem={(link) => (
                <List.Item key={link.key}>
                  <List.Item.Meta
                    avatar={link.icon}
                    title={
                      <Link to={link.href} data-testid={`admin-link-${link.key}`}>
                        {link.title}
                      </Link>
                    }
                    description={link.hint}
                  />
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
    </div>
  );
};
