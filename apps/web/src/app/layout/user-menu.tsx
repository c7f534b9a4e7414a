import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';

type UserMenuProps = {
  displayName: string;
  /** Narrow screens: the icon only; the name is in the menu. */
  compact?: boolean;
  onChangePassword: () => void;
  onLogout: () => void;
  loggingOut: boolean;
};

export const UserMenu = ({
  displayName,
  compact = false,
  onChangePassword,
  onLogout,
  loggingOut,
}: UserMenuProps) => {
  const { t } = useTranslation();
  const items: MenuProps['items'] = [
    ...(compact ? [{ key: 'name', label: displayName, disabled: true }, { type: 'divider' as const }] : []),
    {
      key: 'change-password',
      icon: <KeyOutlined />,
      label: t('header.changePassword'),
      'data-testid': 'user-menu-change-password',
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), 'data-testid': 'user-menu-logout' },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'change-password') onChangePassword();
    if (key === 'logout') onLogout();
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" loading={loggingOut} aria-label={t('header.userMenu')} data-testid="user-menu">
        <UserOutlined />
        {compact ? null : <span data-testid="current-user-name">{displayName}</span>}
        {compact ? null : <DownOutlined style={{ fontSize: 10 }} />}
      </Button>
    </Dropdown>
  );
};
