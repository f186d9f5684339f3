import type { ResourceRegistry } from '../resources/ResourceRegistry';
import type { ResourceType } from '../resources/ResourceType';

const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0-stageline-stand-in',
  gitCommit: '0000000000000000000000000000000000000000',
  gitTreeState: 'clean',
  buildDate: '2024-08-13T00:00:00Z',
  goVersion: 'go1.22.5',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/**
 * The body for `/version`, `/api`, `/api/v1`, `/apis`, `/apis/<group>` or
 * `/apis/<group>/<version>`; `null` for such a path the stand-in does not serve (404), and
 * undefined when the path is not a discovery path at all.
 */
export function discoveryDocument(
  registry: ResourceRegistry,
  pathname: string,
): Record<string, unknown> | null | undefined {
  const segments = pathname.split('/').filter(Boolean);
  const [root, group, version] = segments;
  if (root === 'version' && segments.length === 1) return VERSION_INFO;
  if (root === 'api' && segments.length === 1) {
    return {
      kind: 'APIVersions',
      versions: ['v1'],
      serverAddressByClientCIDRs: [],
    };
  }
  if (root === 'api' && segments.length === 2) {
    return group === 'v1'
      ? resourceList('v1', registry.inGroupVersion('', 'v1'))
      : null;
  }
  if (root !== 'apis' || segments.length > 3) return undefined;
  if (segments.length === 1) {
    return {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: registry.groups().map(apiGroup),
    };
  }
  const found = registry.groups().find(g => g.name === group);
  if (!found) return null;
  if (segments.length === 2) {
    return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(found) };
  }
  const types = registry.inGroupVersion(group, version);
  return types.length > 0 ? resourceList(`${group}/${version}`, types) : null;
}

function apiGroup(group: { name: string; versions: string[] }) {
  const versions = group.versions.map(v => ({
    groupVersion: `${group.name}/${v}`,
    version: v,
  }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

function resourceList(groupVersion: string, types: ResourceType[]) {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion,
    resources: types.map(t => ({
      name: t.plural,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.custom
        ? ['get', 'list', 'watch', 'patch']
        : ['get', 'list', 'watch'],
      ...(t.shortNames && { shortNames: t.shortNames }),
    })),
  };
}
