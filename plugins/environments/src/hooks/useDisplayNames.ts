import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** A user ref without a display name is shown by its name (`alice`); anything else as it is. */
function fallbackName(ref: string): string {
  if (!ref.startsWith('user:')) return ref;
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}

/**
 * People's display names by entity ref (`user:default/alice` → "Alice Adams"), from the catalog's
 * User entities, fetched in one batch. A user the catalog does not know (or that has no display
 * name) is shown by the ref's name, also while loading or when the catalog cannot be read; other
 * actors (`stageline:engine`) stay as they are.
 *
 * @public
 */
export function useDisplayNames(refs: string[]): (ref: string) => string {
  const catalogApi = useApi(catalogApiRef);
  const users = [
    ...new Set(refs.filter(ref => ref.startsWith('user:'))),
  ].sort();
  const { value } = useAsync(async () => {
    if (users.length === 0) return new Map<string, string>();
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: users,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'spec.profile'],
    });
    const names = new Map<string, string>();
    items.forEach((entity, index) => {
      const profile = entity?.spec?.profile as
        | { displayName?: string }
        | undefined;
      if (profile?.displayName) names.set(users[index], profile.displayName);
    });
    return names;
  }, [catalogApi, users.join('\n')]);
  return ref => value?.get(ref) ?? fallbackName(ref);
}
