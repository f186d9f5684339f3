import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { isServicePrincipal, isUserPrincipal } from './principals';

/**
 * Who acts: the user entity ref for a user, `service:<subject>` for a service principal. `user`
 * is set only for users: approvals need a person.
 */
export function actorOf(credentials: BackstageCredentials): {
  actor: string;
  user?: string;
} {
  if (isUserPrincipal(credentials)) {
    const { userEntityRef } = credentials.principal;
    return { actor: userEntityRef, user: userEntityRef };
  }
  if (isServicePrincipal(credentials)) {
    return { actor: `service:${credentials.principal.subject}` };
  }
  return { actor: 'anonymous' };
}
