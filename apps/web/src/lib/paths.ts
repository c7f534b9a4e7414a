/** Every address in the app, so links from one feature to another page need no import of that feature. */
export const paths = {
  home: '/',
  login: '/login',
  users: '/users',
  storeSettings: '/settings/store',
} as const;
