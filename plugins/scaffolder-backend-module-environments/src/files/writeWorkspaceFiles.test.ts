import { createMockDirectory } from '@backstage/backend-test-utils';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../__testUtils__/listFiles';
import { writeWorkspaceFiles } from './writeWorkspaceFiles';

describe('writeWorkspaceFiles', () => {
  const mockDir = createMockDirectory();

  beforeEach(() => mockDir.setContent({ 'README.md': 'hello' }));

  it('writes every file, creating folders', async () => {
    await writeWorkspaceFiles(mockDir.path, [
      { path: 'k8s/base/a.yaml', content: 'a: 1\n' },
      { path: 'k8s/overlays/qa/b.yaml', content: 'b: 2\n' },
    ]);
    expect(await listFiles(mockDir.path)).toEqual([
      'README.md',
      'k8s/base/a.yaml',
      'k8s/overlays/qa/b.yaml',
    ]);
    expect(await readFile(join(mockDir.path, 'k8s/base/a.yaml'), 'utf8')).toBe(
      'a: 1\n',
    );
  });

  it('removes what it wrote when a later write fails', async () => {
    // Both pass the up-front checks; the exclusive create of the second one fails.
    await expect(
      writeWorkspaceFiles(mockDir.path, [
        { path: 'k8s/base/a.yaml', content: 'first' },
        { path: 'k8s/base/a.yaml', content: 'second' },
      ]),
    ).rejects.toThrow(/EEXIST/);
    expect(await listFiles(mockDir.path)).toEqual(['README.md']);
  });

  it('never overwrites an existing file', async () => {
    await expect(
      writeWorkspaceFiles(mockDir.path, [
        { path: 'new.yaml', content: 'x' },
        { path: 'README.md', content: 'overwritten' },
      ]),
    ).rejects.toThrow(/'README.md': it already exists/);
    expect(await listFiles(mockDir.path)).toEqual(['README.md']);
    expect(await readFile(join(mockDir.path, 'README.md'), 'utf8')).toBe(
      'hello',
    );
  });
});
