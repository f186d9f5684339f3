// distribution/reference grammar, anchored per part.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = new RegExp(
  `^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`,
);
const NAME_MAX_LENGTH = 255;

/**
 * Why `name` (an image repository name without tag or digest, e.g. `ghcr.io:443/acme/app`) is
 * invalid, or undefined when it is valid.
 */
export function imageNameProblem(name: string): string | undefined {
  if (!name) return 'repository name is empty';
  if (name.length > NAME_MAX_LENGTH) {
    return `repository name is longer than ${NAME_MAX_LENGTH} characters`;
  }
  const parts = name.split('/');
  // The first part may be a registry host (with port); it is a host only if more parts follow.
  const path =
    parts.length > 1 && DOMAIN_AND_PORT.test(parts[0]) ? parts.slice(1) : parts;
  const bad = path.find(part => !PATH_COMPONENT.test(part));
  if (bad === undefined) return undefined;
  if (bad === '')
    return `repository name '${name}' has an empty path component`;
  if (PATH_COMPONENT.test(bad.toLowerCase())) {
    return `repository name '${name}' must be lowercase`;
  }
  return `repository name '${name}' has an invalid component '${bad}': use lowercase letters, digits and single separators (., _, __, -)`;
}
