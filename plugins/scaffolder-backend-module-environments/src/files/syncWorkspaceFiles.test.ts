import { createMockDirectory } from '@backstage/backend-test-utils';
import { mkdir, readFile, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../__testUtils__/listFiles';
import { syncWorkspaceFiles } from './syncWorkspaceFiles';

describe('syncWorkspaceFiles', () => {
  const mockDir = createMockDirectory();
  const read = (path: string) => readFile(join(mockDir.path, path), 'utf8');

  beforeEach(() =>
    mockDir.setContent({
      env: { 'same.yaml': 'a: 1\n', 'old.yaml': 'b: 1\n' },
    }),
  );

  it('creates what is missing, rewrites what differs and leaves identical files untouched', async () => {
    const untouched = (await stat(join(mockDir.path, 'env/same.yaml'))).mtimeMs;
    const result = await syncWorkspaceFiles(mockDir.path, [
      { path: 'env/same.yaml', content: 'a: 1\n' },
      { path: 'env/old.yaml', content: 'b: 2\n' },
      { path: 'env/qa/new.yaml', content: 'c: 1\n' },
    ]);
    expect(result).toEqual({
      created: ['env/qa/new.yaml'],
      updated: ['env/old.yaml'],
      unchanged: ['env/same.yaml'],
    });
    expect(await read('env/old.yaml')).toBe('b: 2\n');
    expect(await read('env/qa/new.yaml')).toBe('c: 1\n');
    expect((await stat(join(mockDir.path, 'env/same.yaml'))).mtimeMs).toBe(
      untouched,
    );
    expect(await listFiles(mockDir.path)).toEqual([
      'env/old.yaml',
      'env/qa/new.yaml',
      'env/same.yaml',
    ]);
  });

  it('changes nothing the second time', async () => {
    const files = [
      { path: 'env/old.yaml', content: 'b: 2\n' },
      { path: 'env/qa/new.yaml', content: 'c: 1\n' },
    ];
    await syncWorkspaceFiles(mockDir.path, files);
    expect(await syncWorkspaceFiles(mockDir.path, files)).toEqual({
      created: [],
      updated: [],
      unchanged: ['env/old.yaml', 'env/qa/new.yaml'],
    });
  });

  it('restores what it changed when a later write fails', async () => {
    // Both new entries pass the up-front checks; the exclusive create of the second one fails.
    await expect(
      syncWorkspaceFiles(mockDir.path, [
        { path: 'env/old.yaml', content: 'b: 2\n' },
        { path: 'env/qa/new.yaml', content: 'first' },
        { path: 'env/qa/new.yaml', content: 'second' },
      ]),
    ).rejects.toThrow(/EEXIST/);
    expect(await listFiles(mockDir.path)).toEqual([
      'env/old.yaml',
      'env/same.yaml',
    ]);
    expect(await read('env/old.yaml')).toBe('b: 1\n');
  });

  it('refuses a symbolic link on the way or at the target, and a folder at the target, writing nothing', async () => {
    await mkdir(join(mockDir.path, 'elsewhere'));
    await symlink(join(mockDir.path, 'elsewhere'), join(mockDir.path, 'link'));
    await symlink(
      join(mockDir.path, 'env/same.yaml'),
      join(mockDir.path, 'env/alias.yaml'),
    );
    const before = await listFiles(mockDir.path);
    for (const [path, message] of [
      ['link/x.yaml', /'link' in the workspace is a symbolic link/],
      [
        'env/alias.yaml',
        /'env\/alias.yaml' in the workspace is a symbolic link/,
      ],
      ['env', /'env': it exists in the workspace and is not a generated file/],
    ] as const) {
      await expect(
        syncWorkspaceFiles(mockDir.path, [
          { path: 'env/old.yaml', content: 'changed' },
          { path, content: 'x' },
        ]),
      ).rejects.toThrow(message);
    }
    expect(await listFiles(mockDir.path)).toEqual(before);
    expect(await read('env/old.yaml')).toBe('b: 1\n');
  });
});
