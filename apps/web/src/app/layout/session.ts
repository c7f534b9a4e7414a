import type { TMe } from '@qianke/contracts/auth';
import type { Permission } from '@qianke/core/accounts/roles';
import { useOutletContext } from 'react-router';

/** What the app layout hands to every page under it: the logged-in user, always present there. */
export type SessionContext = { me: TMe };

export const useSession = (): TMe => useOutletContext<SessionContext>().me;

export const can = (me: TMe, permission: Permission): boolean => me.permissions.includes(permission);
