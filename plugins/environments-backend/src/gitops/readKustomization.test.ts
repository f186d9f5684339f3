import { InMemoryGitRepository } from '../__testUtils__/InMemoryGitRepository';
import { readKustomization } from './readKustomization';

function repoWith(files: Record<string, string>) {
  const repo = new InMemoryGitRepository('acme/gitops');
  for (const [path, content] of Object.entries(files))
    repo.files.set(path, content);
  return repo;
}

describe('readKustomization', () => {
  it.each(['kustomization.yaml', 'kustomization.yml', 'Kustomization'])(
    'reads %s',
    async name => {
      const repo = repoWith({
        [`k8s/overlays/qa/${name}`]: 'images: []\n',
        'k8s/overlays/qa/patch.yaml': 'x: 1\n',
      });
      await expect(readKustomization(repo, 'k8s/overlays/qa')).resolves.toEqual(
        {
          path: `k8s/overlays/qa/${name}`,
          content: 'images: []\n',
          blobSha: `blob-of-k8s/overlays/qa/${name}`,
        },
      );
    },
  );

  it('accepts a trailing slash on the folder', async () => {
    const repo = repoWith({
      'k8s/overlays/qa/kustomization.yaml': 'images: []\n',
    });
    await expect(
      readKustomization(repo, 'k8s/overlays/qa/'),
    ).resolves.toMatchObject({
      path: 'k8s/overlays/qa/kustomization.yaml',
    });
  });

  it('refuses a folder with several kustomization files', async () => {
    const repo = repoWith({
      'k8s/overlays/qa/kustomization.yaml': 'a',
      'k8s/overlays/qa/Kustomization': 'b',
    });
    await expect(readKustomization(repo, 'k8s/overlays/qa')).rejects.toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          "Overlay folder 'k8s/overlays/qa' in acme/gitops has several kustomization files (kustomization.yaml, Kustomization); keep exactly one",
      }),
    );
  });

  it('names the folder when it has no kustomization file', async () => {
    const repo = repoWith({ 'k8s/overlays/qa/patch.yaml': 'x' });
    await expect(readKustomization(repo, 'k8s/overlays/qa')).rejects.toThrow(
      expect.objectContaining({
        name: 'NotFoundError',
        message:
          "No kustomization.yaml, kustomization.yml, Kustomization in overlay folder 'k8s/overlays/qa' of acme/gitops",
      }),
    );
  });

  it('names the folder when it does not exist', async () => {
    await expect(
      readKustomization(repoWith({}), 'k8s/overlays/qa'),
    ).rejects.toThrow(
      expect.objectContaining({
        name: 'NotFoundError',
        message: "No overlay folder 'k8s/overlays/qa' in acme/gitops",
      }),
    );
  });

  it('does not take a similarly named file', async () => {
    const repo = repoWith({ 'k8s/overlays/qa/kustomization.yaml.bak': 'x' });
    await expect(readKustomization(repo, 'k8s/overlays/qa')).rejects.toThrow(
      /No kustomization/,
    );
  });
});
