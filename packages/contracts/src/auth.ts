import { PERMISSIONS, type Permission } from '@qianke/core/accounts/roles';
import { z } from 'zod';
import { ZNewPassword, ZRole, ZUser } from './accounts';
import { ZId } from './common';
import { ZStore } from './stores';

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1, { message: 'Enter your username.' }).max(64),
  password: z.string().min(1, { message: 'Enter your password.' }).max(256),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

const permissionNames = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];
export const ZPermission = z.enum(permissionNames);

export const ZMe = z
  .object({
    user: ZUser,
    store: ZStore,
    /** Stores this user may switch to: the whole group for a group admin, else the own store. */
    stores: z.array(ZStore),
    permissions: z.array(ZPermission),
    homeRole: ZRole.nullable(),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, { message: 'Enter your current password.' }),
  newPassword: ZNewPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZSwitchStoreRequest = z.object({ storeId: ZId });
