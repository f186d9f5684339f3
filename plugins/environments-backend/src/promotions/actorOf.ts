import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who acts: the user entity ref for a user, `service:<subject>` for a service principal. `user`
 * is set only for users: approvals need a person.
 */
export function actorOf(credentials: BackstageCredentials): {
  actor: string;
  user?: string;
} {
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string }
    | { type: 'none' };
  if (principal.type === 'user') {
    return { actor: principal.userEntityRef, user: principal.userEntityRef };
  }
  if (principal.type === 'service') {
    return { actor: `service:${principal.subject}` };
  }
  return { actor: 'anonymous' };
}
