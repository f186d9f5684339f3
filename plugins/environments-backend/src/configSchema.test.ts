import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  credentialsNotSecret,
  declaredConfigKeys,
} from './__testUtils__/configSchema/declaredConfigKeys';

// Finding 9 of issue 11: every credential a config schema declares is `@visibility secret`, so
// Backstage redacts it from logs and never serves it to the frontend.
const pluginsDir = resolve(__dirname, '../..');
const schemaFiles = readdirSync(pluginsDir)
  .map(name => join(pluginsDir, name, 'config.d.ts'))
  .filter(file => existsSync(file));
const read = (file: string) => readFileSync(file, 'utf8');

describe('config schemas of the plugins', () => {
  it('include this plugin’s, with its cluster credentials found by the scanner', () => {
    const own = join(pluginsDir, 'environments-backend', 'config.d.ts');
    expect(schemaFiles).toContain(own);
    const paths = declaredConfigKeys(read(own)).map(key => key.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'environments.chains.*.gates.freezeWindows.timeZone',
        'environments.clusters.serviceAccountToken',
        'environments.clusters.caData',
        'environments.serviceAccess.subject',
      ]),
    );
  });

  it.each(schemaFiles.map(file => [file.slice(pluginsDir.length + 1), file]))(
    '%s marks every credential @visibility secret',
    (_name, file) => {
      expect(credentialsNotSecret(read(file))).toEqual([]);
    },
  );

  it('names a credential that is not secret, whatever its nesting or comment style', () => {
    const schema = `export interface Config {
      app?: {
        /** @visibility secret */ token?: string;
        /** The webhook secret. @visibility backend */
        webhookSecret?: string;
        clients?: Array<{
          /**
           * Client secret of the app.
           * @visibility secret
           */
          clientSecret: string;
          privateKey?: string;
          /** 'keyData' in a comment is no key. @visibility frontend */
          caData?: string;
        }>;
        [name: string]: { apiKey?: string; mode?: 'token' | 'password' };
      };
    }`;
    expect(credentialsNotSecret(schema)).toEqual([
      'app.webhookSecret',
      'app.clients.privateKey',
      'app.clients.caData',
      'app.*.apiKey',
    ]);
  });
});
