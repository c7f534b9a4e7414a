/** Every address in the app, so links from one feature to another page need no import of that feature. */
export const paths = {
  home: '/',
  login: '/login',
  users: '/users',
  storeSettings: '/settings/store',
  apiKeys: '/settings/api-keys',
  showroom: '/showroom',
  customers: '/customers',
  newCustomer: '/customers/new',
  sources: '/settings/sources',
  today: '/today',
  followUpRules: '/settings/follow-up-rules',
  imports: '/imports',
  distribution: '/distribution',
  assignmentRules: '/settings/assignment-rules',
  defeatApprovals: '/defeats/approvals',
  defeatRequests: '/defeats/mine',
  defeatReasons: '/settings/defeat-reasons',
  followUpReview: '/follow-ups/review',
  // DCC and invitations (issue 5)
  dcc: '/dcc',
  invitations: '/invitations',
  // Test drives (issue 5)
  testDrives: '/test-drives',
  // Stock vehicles, orders and owners (issue 5)
  orders: '/orders',
  newOrder: '/orders/new',
  stock: '/stock',
  owners: '/owners',
} as const;
