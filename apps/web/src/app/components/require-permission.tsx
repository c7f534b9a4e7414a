import type { Permission } from '@qianke/core/accounts/roles';
import type { ReactNode } from 'react';
import { can, useSession } from '../layout/session';
import { Forbidden } from './forbidden';

/** The menu hides what a role may not use; this guards the address itself (typed or bookmarked). */
export const RequirePermission = ({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) => {
  const me = useSession();
  return can(me, permission) ? children : <Forbidden />;
};
