import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  environmentsPermissions,
  environmentsReadPermission,
} from './permissions';

describe('permissions', () => {
  it('binds read to catalog entities so policies can use catalog rules', () => {
    expect(environmentsReadPermission.name).toBe('environments.read');
    expect(
      isResourcePermission(environmentsReadPermission, 'catalog-entity'),
    ).toBe(true);
  });

  it('lists every permission once', () => {
    const names = environmentsPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('environments.read');
  });
});
