const SHA = /^[0-9a-f]{7,64}$/i;

/**
 * The commit SHA in an agent's revision: Argo CD writes the bare SHA, Flux `main@sha1:<sha>`
 * (older Flux `main/<sha>`). Undefined when there is none (a Helm chart version, say).
 */
export function gitRevisionOf(
  revision: string | undefined,
): string | undefined {
  if (!revision) return undefined;
  const sha = revision.includes('@sha1:')
    ? revision.slice(revision.lastIndexOf(':') + 1)
    : revision.slice(revision.lastIndexOf('/') + 1);
  return SHA.test(sha) ? sha.toLowerCase() : undefined;
}
