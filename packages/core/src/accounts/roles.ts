/**
 * Who may do what. DOMAIN.md §1: the roles of a dealership, and the one table that says which role
 * holds which permission. Server routes declare a permission; the web menu shows what /me permits.
 */
export const ROLES = [
  'admin',
  'sales_manager',
  'consultant',
  'receptionist',
  'dcc_agent',
  'crm_specialist',
  'marketing_manager',
] as const;

export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Every permission a route or a menu entry can ask for, with the roles that hold it. */
export const PERMISSIONS = {
  /** Own profile, own password, the home page. */
  'self.use': ROLES,
  /** Create users, disable them, reset passwords, grant roles. */
  'users.manage': ['admin'],
  /** Store name, code, time zone. */
  'store.manage': ['admin'],
  /** See the staff of the store (names and roles), e.g. to pick a consultant. */
  'users.view': [
    'admin',
    'sales_manager',
    'receptionist',
    'dcc_agent',
    'crm_specialist',
    'marketing_manager',
  ],
  /** See customers: consultants their own, everyone else the store (customers/visibility.ts). */
  'customers.view': ROLES,
  /** Open a customer card or add an inquiry to one. */
  'customers.create': ['sales_manager', 'consultant', 'receptionist', 'dcc_agent', 'crm_specialist'],
  /** Change a customer's card. */
  'customers.edit': ['sales_manager', 'consultant', 'dcc_agent', 'crm_specialist'],
  /** Merge duplicate customers; promote a customer to fleet. */
  'customers.merge': ['sales_manager'],
  /** Log showroom arrivals, departures and phone-ins. */
  'showroom.log': ['receptionist', 'sales_manager'],
  /** See who is in the showroom now and today's traffic. */
  'showroom.view': ['receptionist', 'sales_manager', 'consultant', 'dcc_agent'],
  /** See the source tree (to pick a lead's source). */
  'sources.view': ROLES,
  /** Edit the source tree. */
  'sources.manage': ['admin'],
  /** Create, list and revoke intake API keys. */
  'api_keys.manage': ['admin'],
  /** Import customers from Excel or CSV. */
  'imports.run': ['admin', 'sales_manager'],
  /** Edit the store's follow-up rule table (cadence per level) and its holiday calendar. */
  'follow_up_rules.manage': ['admin', 'sales_manager'],
  /** See the distribution queue; assign and reassign leads; set who is on duty. */
  'leads.assign': ['sales_manager'],
  /** Edit the store's automatic assignment rules. */
  'assignment_rules.manage': ['admin', 'sales_manager'],
  /** Ask a manager to close a lead as lost (战败申请); see one's own requests. */
  'defeat.request': ['consultant', 'dcc_agent', 'crm_specialist', 'sales_manager'],
  /** Approve or reject defeat requests; see the store's defeat record. */
  'defeat.approve': ['sales_manager'],
  /** Edit the store's list of defeat reasons. */
  'defeat_reasons.manage': ['admin', 'sales_manager'],
  /** Review the store's follow-ups and comment on (批复) any of them; the author is notified. */
  'follow_ups.comment': ['sales_manager'],
  // DCC and invitations (issue 5)
  /** Work the DCC call lists, log outbound and inbound calls. */
  'dcc.call': ['dcc_agent', 'sales_manager', 'crm_specialist'],
  /** Book, list, cancel and re-invite showroom invitations (邀约). */
  'invitations.manage': ['dcc_agent', 'consultant', 'sales_manager'],
  /** The DCC rates per agent: a manager sees every agent, an agent their own. */
  'dcc.stats': ['sales_manager', 'dcc_agent'],
  // Test drives (issue 5)
  /** See the demo cars and their booking schedules; book, check the licence, complete, cancel test drives. */
  'test_drives.book': ['consultant', 'sales_manager', 'receptionist', 'dcc_agent'],
  /** Add, edit and retire the store's demo cars (试驾车). */
  'demo_cars.manage': ['admin', 'sales_manager'],
  // Stock vehicles, orders and owners (issue 5)
  /** See the store's stock vehicles by VIN and the catalog to order from. */
  'vehicles.view': ['admin', 'sales_manager', 'consultant'],
  /** Add stock vehicles; change the note, colour or arrival day of one in stock. */
  'vehicles.manage': ['admin', 'sales_manager'],
  /** See orders (a consultant their own), print order sheets, see owner cards by licence month. */
  'orders.view': ['admin', 'sales_manager', 'consultant', 'crm_specialist'],
  /** Create and change orders: confirm, record the deposit, cancel with a reason. */
  'orders.manage': ['sales_manager', 'consultant'],
  /** Hand the car over: the order is delivered and the customer becomes an owner. */
  'orders.deliver': ['sales_manager', 'consultant'],
  // Reports (issue 6): who sees which figures is in core/reports/report-access.ts.
  /** Open the reports: managers see the store (a group admin the group), consultants and DCC their own figures. */
  'reports.view': [
    'admin',
    'sales_manager',
    'marketing_manager',
    'crm_specialist',
    'consultant',
    'dcc_agent',
  ],
  /** The showroom traffic report: everyone with reports.view, and the receptionist who logs the traffic. */
  'reports.traffic': [
    'admin',
    'sales_manager',
    'marketing_manager',
    'crm_specialist',
    'consultant',
    'dcc_agent',
    'receptionist',
  ],
  /** Download reports and the customer list as .xlsx (audited; phones masked unless seen in full). */
  'reports.export': ['admin', 'sales_manager', 'marketing_manager'],
  /** Set the store's and each consultant's monthly KPI targets (audited). */
  'kpi_targets.manage': ['sales_manager'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const rolesFor = (permission: Permission): readonly Role[] => PERMISSIONS[permission];

export const hasPermission = (roles: readonly Role[], permission: Permission): boolean =>
  PERMISSIONS[permission].some((role) => roles.includes(role));

export const permissionsOf = (roles: readonly Role[]): Permission[] =>
  (Object.keys(PERMISSIONS) as Permission[]).filter((permission) => hasPermission(roles, permission));

/**
 * The home page a user lands on. A user with several roles lands on the one that runs the most of the
 * store: manager work comes before desk work, so a manager who also sells sees the manager's home.
 */
export const HOME_ORDER = [
  'admin',
  'sales_manager',
  'marketing_manager',
  'consultant',
  'dcc_agent',
  'crm_specialist',
  'receptionist',
] as const satisfies readonly Role[];

export const homeRoleOf = (roles: readonly Role[]): Role | undefined =>
  HOME_ORDER.find((role) => roles.includes(role));
