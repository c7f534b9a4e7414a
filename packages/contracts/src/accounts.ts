import {
  PASSWORD_MAX_LENGTH,
  passwordProblem,
  USERNAME_PATTERN,
} from '@qianke/core/accounts/password-policy';
import { ROLES } from '@qianke/core/accounts/roles';
import { z } from 'zod';
import { ZId, ZPageQuery, ZVersion } from './common';

export const ZRole = z.enum(ROLES, { message: `Choose one of: ${ROLES.join(', ')}.` });

export const ZUsername = z.string().trim().toLowerCase().regex(USERNAME_PATTERN, {
  message:
    '2-32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter or digit.',
});

export const ZNewPassword = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ZDisplayName = z
  .string()
  .trim()
  .min(1, { message: 'Enter the name shown to colleagues.' })
  .max(60, { message: 'Use at most 60 characters.' });

/** A consultant's code is the first part of the customer card numbers they open (A01-26-0001). */
export const ZConsultantCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z][0-9]{2}$/, { message: 'A letter and two digits, e.g. A01.' });

export const ZUser = z
  .object({
    id: ZId,
    username: z.string(),
    displayName: z.string(),
    roles: z.array(ZRole),
    groupAdmin: z.boolean(),
    disabled: z.boolean(),
    consultantCode: z.string().nullable(),
    mustChangePassword: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    version: ZVersion,
  })
  .meta({ id: 'User' });
export type TUser = z.infer<typeof ZUser>;

export const ZListUsersQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional().meta({ description: 'Part of the username or display name' }),
  role: ZRole.optional(),
  status: z.enum(['active', 'disabled', 'all']).default('active'),
  sort: z.enum(['username', 'displayName', 'createdAt', 'lastLoginAt']).default('username'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type TListUsersQuery = z.infer<typeof ZListUsersQuery>;

export const ZUserList = z
  .object({ items: z.array(ZUser), total: z.number().int() })
  .meta({ id: 'UserList' });

export const ZCreateUserRequest = z
  .object({
    username: ZUsername,
    displayName: ZDisplayName,
    password: ZNewPassword,
    roles: z.array(ZRole).min(1, { message: 'Give the user at least one role.' }),
    consultantCode: ZConsultantCode.nullish(),
  })
  .refine((u) => !u.password.toLowerCase().includes(u.username), {
    path: ['password'],
    message: 'The password must not contain the username.',
  });
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z.object({
  version: ZVersion,
  displayName: ZDisplayName.optional(),
  roles: z.array(ZRole).min(1, { message: 'Give the user at least one role.' }).optional(),
  consultantCode: ZConsultantCode.nullish(),
  disabled: z.boolean().optional(),
});
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZResetPasswordRequest = z.object({ newPassword: ZNewPassword });
