import type { Permission, Role } from '@qianke/core/accounts/roles';
import { DomainError } from '@qianke/core/shared/domain-error';
import type { FastifyRequest } from 'fastify';

/** Who is calling, resolved from the session cookie before any handler runs. */
export type AuthContext = {
  userId: string;
  /** The user's own store. */
  homeDealerId: string;
  /** The store every query of this request is scoped to (a group admin may switch it). */
  dealerId: string;
  groupId: string;
  roles: Role[];
  groupAdmin: boolean;
  tokenHash: string;
};

/** Who is calling an intake route: the store whose API key came as `Authorization: Bearer <key>`. */
export type ApiKeyContext = {
  dealerId: string;
  keyId: string;
  /** When the key was last recorded as used (kept to the minute), null if never. */
  lastUsedAt: Date | null;
};

/**
 * What a route declares: 'public', 'api_key' (intake routes, called by a store's API key instead of a
 * session), or the permission (core/accounts/roles.ts) a caller must hold.
 */
export type RouteAccess = 'public' | 'api_key' | Permission;

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    apiKey: ApiKeyContext | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}

/** For handlers of non-public routes: the access hook has already refused anonymous callers. */
export const authOf = (request: FastifyRequest): AuthContext => {
  if (!request.auth) throw new DomainError('unauthenticated', 'Log in first.');
  return request.auth;
};

/** For handlers of 'api_key' routes: the access hook has already refused callers without a valid key. */
export const apiKeyOf = (request: FastifyRequest): ApiKeyContext => {
  if (!request.apiKey)
    throw new DomainError('unauthenticated', 'Send the store API key as Authorization: Bearer <key>.');
  return request.apiKey;
};

export const SESSION_COOKIE = 'qk_session';
