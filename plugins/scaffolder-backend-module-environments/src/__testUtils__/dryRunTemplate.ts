import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import request from 'supertest';
import yaml from 'yaml';
import { scaffolderModuleEnvironments } from '../module';
import { listFiles } from './listFiles';

type DryRunFile = { path: string; base64Content: string };

/** The template folder as the dry-run API takes it: every file, base64-encoded. */
async function templateDirectoryContents(dir: string): Promise<DryRunFile[]> {
  return Promise.all(
    (await listFiles(dir)).map(async path => ({
      path,
      base64Content: (await readFile(join(dir, path))).toString('base64'),
    })),
  );
}

// The GitHub actions want a token before they dry-run; none is ever sent anywhere.
const CONFIG = {
  integrations: { github: [{ host: 'github.com', token: 'dry-run-token' }] },
};

/**
 * Runs a template through the real scaffolder's dry run (with the GitHub module and ours) and
 * writes the resulting workspace to a new temporary folder, `output`. `body` is the API's answer
 * (`log`, `output`, `steps`, `directoryContents`).
 */
export async function dryRunTemplate(
  templateDir: string,
  values: Record<string, unknown>,
): Promise<{ body: any; output: string }> {
  const { server } = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      scaffolderModuleEnvironments,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: CONFIG }),
    ],
  });
  const template = yaml.parse(
    await readFile(join(templateDir, 'template.yaml'), 'utf8'),
  );
  const res = await request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set('Authorization', mockCredentials.user.header())
    .send({
      template,
      values,
      directoryContents: await templateDirectoryContents(templateDir),
    });
  if (res.status !== 200) {
    throw new Error(`dry run failed: ${JSON.stringify(res.body)}`);
  }
  const output = await mkdtemp(join(tmpdir(), 'stageline-dry-run-'));
  for (const file of res.body.directoryContents as DryRunFile[]) {
    await mkdir(dirname(join(output, file.path)), { recursive: true });
    await writeFile(
      join(output, file.path),
      Buffer.from(file.base64Content, 'base64'),
    );
  }
  return { body: res.body, output };
}
