import type { TMe } from '@qianke/contracts/auth';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { MENU_ENTRIES, selectedEntryKey } from './menu-items';
import { can } from './session';

export const SideMenu = ({ me }: { me: TMe }) => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const entries = MENU_ENTRIES.filter((entry) => can(me, entry.permission));
  const selected = selectedEntryKey(pathname, entries);

  const items: MenuProps['items'] = entries.map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: <Link to={entry.path}>{t(entry.label)}</Link>,
    'data-testid': `menu-${entry.key}`,
  }));

  return (
    <nav aria-label={t('menu.navigation')}>
      <Menu mode="inline" theme="dark" selectedKeys={selected ? [selected] : []} items={items} />
    </nav>
  );
};
