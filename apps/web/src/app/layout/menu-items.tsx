import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BranchesOutlined,
  CalendarOutlined,
  CarOutlined,
  CommentOutlined,
  ContactsOutlined,
  CrownOutlined,
  DatabaseOutlined,
  FileExclamationOutlined,
  FileTextOutlined,
  HomeOutlined,
  ImportOutlined,
  KeyOutlined,
  PhoneOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { Permission } from '@qianke/core/accounts/roles';
import type { ReactNode } from 'react';
import { paths } from '@/lib/paths';

export type MenuEntry = {
  /** Also the test id: `menu-<key>`. */
  key: string;
  path: string;
  permission: Permission;
  icon: ReactNode;
  label:
    | 'menu.home'
    | 'menu.users'
    | 'menu.storeSettings'
    | 'menu.showroom'
    | 'menu.apiKeys'
    | 'menu.today'
    | 'menu.followUpRules'
    | 'menu.customers'
    | 'menu.sources'
    | 'menu.imports'
    | 'menu.distribution'
    | 'menu.assignmentRules'
    | 'menu.defeatApprovals'
    | 'menu.defeatRequests'
    | 'menu.defeatReasons'
    | 'menu.followUpReview'
    // DCC and invitations (issue 5)
    | 'menu.dcc'
    | 'menu.invitations'
    // Test drives (issue 5)
    | 'menu.testDrives'
    // Stock vehicles, orders and owners (issue 5)
    | 'menu.orders'
    | 'menu.stock'
    | 'menu.owners'
    // Reports (issue 6)
    | 'menu.reports';
};

/** The side menu; each user sees the entries their permissions allow. */
export const MENU_ENTRIES: readonly MenuEntry[] = [
  { key: 'home', path: paths.home, permission: 'self.use', icon: <HomeOutlined />, label: 'menu.home' },
  {
    key: 'customers',
    path: paths.customers,
    permission: 'customers.view',
    icon: <ContactsOutlined />,
    label: 'menu.customers',
  },
  {
    key: 'today',
    path: paths.today,
    permission: 'customers.edit',
    icon: <CalendarOutlined />,
    label: 'menu.today',
  },
  {
    key: 'follow-up-review',
    path: paths.followUpReview,
    permission: 'follow_ups.comment',
    icon: <CommentOutlined />,
    label: 'menu.followUpReview',
  },
  {
    key: 'showroom',
    path: paths.showroom,
    permission: 'showroom.log',
    icon: <ShopOutlined />,
    label: 'menu.showroom',
  },
  // Test drives (issue 5)
  {
    key: 'test-drives',
    path: paths.testDrives,
    permission: 'test_drives.book',
    icon: <CarOutlined />,
    label: 'menu.testDrives',
  },
  // Stock vehicles, orders and owners (issue 5)
  {
    key: 'orders',
    path: paths.orders,
    permission: 'orders.view',
    icon: <FileTextOutlined />,
    label: 'menu.orders',
  },
  {
    key: 'stock',
    path: paths.stock,
    permission: 'vehicles.view',
    icon: <DatabaseOutlined />,
    label: 'menu.stock',
  },
  {
    key: 'owners',
    path: paths.owners,
    permission: 'orders.view',
    icon: <CrownOutlined />,
    label: 'menu.owners',
  },
  // Reports (issue 6): the receptionist reaches the traffic report, everyone else all of theirs.
  {
    key: 'reports',
    path: paths.reports,
    permission: 'reports.traffic',
    icon: <BarChartOutlined />,
    label: 'menu.reports',
  },
  // DCC and invitations (issue 5)
  { key: 'dcc', path: paths.dcc, permission: 'dcc.call', icon: <PhoneOutlined />, label: 'menu.dcc' },
  {
    key: 'invitations',
    path: paths.invitations,
    permission: 'invitations.manage',
    icon: <ScheduleOutlined />,
    label: 'menu.invitations',
  },
  {
    key: 'distribution',
    path: paths.distribution,
    permission: 'leads.assign',
    icon: <UserSwitchOutlined />,
    label: 'menu.distribution',
  },
  {
    key: 'defeat-approvals',
    path: paths.defeatApprovals,
    permission: 'defeat.approve',
    icon: <AuditOutlined />,
    label: 'menu.defeatApprovals',
  },
  {
    key: 'defeat-requests',
    path: paths.defeatRequests,
    permission: 'defeat.request',
    icon: <FileExclamationOutlined />,
    label: 'menu.defeatRequests',
  },
  {
    key: 'imports',
    path: paths.imports,
    permission: 'imports.run',
    icon: <ImportOutlined />,
    label: 'menu.imports',
  },
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
  {
    key: 'sources',
    path: paths.sources,
    permission: 'sources.manage',
    icon: <ApartmentOutlined />,
    label: 'menu.sources',
  },
  {
    key: 'follow-up-rules',
    path: paths.followUpRules,
    permission: 'follow_up_rules.manage',
    icon: <ScheduleOutlined />,
    label: 'menu.followUpRules',
  },
  {
    key: 'assignment-rules',
    path: paths.assignmentRules,
    permission: 'assignment_rules.manage',
    icon: <BranchesOutlined />,
    label: 'menu.assignmentRules',
  },
  {
    key: 'defeat-reasons',
    path: paths.defeatReasons,
    permission: 'defeat_reasons.manage',
    icon: <UnorderedListOutlined />,
    label: 'menu.defeatReasons',
  },
  {
    key: 'api-keys',
    path: paths.apiKeys,
    permission: 'api_keys.manage',
    icon: <KeyOutlined />,
    label: 'menu.apiKeys',
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
