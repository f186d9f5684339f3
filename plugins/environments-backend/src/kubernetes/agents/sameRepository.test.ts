import { gitRevisionOf } from './gitRevisionOf';
import {
  normalizeRepository,
  samePath,
  sameRepository,
} from './sameRepository';

describe('matching an agent object to an environment', () => {
  it('reads one repository however Argo CD spells it', () => {
    const ids = ['github.com/acme/gitops'];
    for (const url of [
      'https://github.com/acme/gitops.git',
      'https://github.com/Acme/GitOps/',
      'git@github.com:acme/gitops.git',
      'ssh://git@github.com/acme/gitops',
    ]) {
      expect(sameRepository(url, ids)).toBe(true);
    }
    expect(sameRepository('https://github.com/acme/gitops-old', ids)).toBe(
      false,
    );
    expect(sameRepository('https://gitlab.com/acme/gitops', ids)).toBe(false);
    expect(sameRepository(undefined, ids)).toBe(false);
    expect(normalizeRepository('ssh://git@host.example:2222/a/b.git')).toBe(
      'host.example:2222/a/b',
    );
  });

  it('compares folder paths without ./ and trailing slashes', () => {
    expect(samePath('./k8s/overlays/qa/', 'k8s/overlays/qa')).toBe(true);
    expect(samePath('k8s/overlays/qa2', 'k8s/overlays/qa')).toBe(false);
    expect(samePath(undefined, 'k8s/overlays/qa')).toBe(false);
  });

  it('takes the commit out of Argo CD and Flux revisions', () => {
    const sha = 'A'.repeat(40);
    expect(gitRevisionOf(sha)).toBe('a'.repeat(40));
    expect(gitRevisionOf(`main@sha1:${sha}`)).toBe('a'.repeat(40));
    expect(gitRevisionOf(`main/${sha}`)).toBe('a'.repeat(40));
    expect(gitRevisionOf('1.2.3')).toBeUndefined();
    expect(gitRevisionOf(undefined)).toBeUndefined();
  });
});
