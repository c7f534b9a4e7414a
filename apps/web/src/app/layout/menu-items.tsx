import { HomeOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { Permission } from '@qianke/core/accounts/roles';
import type { ReactNode } from 'react';
import { paths } from '@/lib/paths';

export type MenuEntry = {
  /** Also the test id: `menu-<key>`. */
  key: string;
  path: string;
  permission: Permission;
  icon: ReactNode;
  label: 'menu.home' | 'menu.users' | 'menu.storeSettings';
};

/** The side menu; each user sees the entries their permissions allow. */
export const MENU_ENTRIES: readonly MenuEntry[] = [
  { key: 'home', path: paths.home, permission: 'self.use', icon: <HomeOutlined />, label: 'menu.home' },
  {
    key: 'users',
    path: paths.users,
    permission: 'users.manage',
    icon: <TeamOutlined />,
    label: 'menu.users',
  },
  {
    key: 'store-settings',
    path: paths.storeSettings,
    permission: 'store.manage',
    icon: <SettingOutlined />,
    label: 'menu.storeSettings',
  },
];

/** The entry whose path is the longest prefix of the address ('/' only for the home page itself). */
export const selectedEntryKey = (pathname: string, entries: readonly MenuEntry[]): string | undefined =>
  entries
    .filter((entry) =>
      entry.path === '/'
        ? pathname === '/'
        : pathname === entry.path || pathname.startsWith(`${entry.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
