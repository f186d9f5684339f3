import type {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';

// The checks of Backstage's `AuthService.isPrincipal`, for code that has credentials but no
// AuthService: a free-standing type guard instead of a cast of `credentials.principal`.
/** The principal's `type` (`user`, `service`, `none`), or undefined when it has none. */
export function principalType(credentials: BackstageCredentials): unknown {
  const principal = credentials.principal;
  return typeof principal === 'object' && principal !== null
    ? (principal as { type?: unknown }).type
    : undefined;
}

/** Credentials of a signed-in user. */
export function isUserPrincipal(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageUserPrincipal> {
  return principalType(credentials) === 'user';
}

/** Credentials of a service (another plugin, an external caller with a static token, MCP). */
export function isServicePrincipal(
  credentials: BackstageCredentials,
): credentials is BackstageCredentials<BackstageServicePrincipal> {
  return principalType(credentials) === 'service';
}
