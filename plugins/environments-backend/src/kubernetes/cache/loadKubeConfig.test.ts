import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKubeConfig } from './loadKubeConfig';

type K8s = typeof import('@kubernetes/client-node');

let k8s: K8s;
let home: string;
const saved = { HOME: process.env.HOME, KUBECONFIG: process.env.KUBECONFIG };

beforeAll(async () => {
  k8s = await import('@kubernetes/client-node');
  home = await mkdtemp(join(tmpdir(), 'stageline-home-'));
});

afterAll(async () => {
  Object.assign(process.env, saved);
  if (saved.KUBECONFIG === undefined) delete process.env.KUBECONFIG;
  await rm(home, { recursive: true, force: true });
});

describe('loadKubeConfig', () => {
  it('builds a config from url and token, allowing plain http as Backstage does', () => {
    const kc = loadKubeConfig(k8s, {
      name: 'a',
      url: 'http://127.0.0.1:8001',
      serviceAccountToken: 't',
      caData: 'Q0E=',
    });
    expect(kc.getCurrentCluster()).toMatchObject({
      name: 'a',
      server: 'http://127.0.0.1:8001',
      skipTLSVerify: true,
      caData: 'Q0E=',
    });
    expect(kc.getCurrentUser()).toMatchObject({ token: 't' });
    const https = loadKubeConfig(k8s, {
      name: 'b',
      url: 'https://k8s.example.com',
    });
    expect(https.getCurrentCluster()?.skipTLSVerify).toBe(false);
  });

  it('says when no default kubeconfig exists', () => {
    process.env.HOME = home;
    delete process.env.KUBECONFIG;
    expect(() =>
      loadKubeConfig(k8s, { name: 'local', kubeconfig: {} }),
    ).toThrow(/^no kubeconfig found/);
  });

  it('says when a kubeconfig file is missing', () => {
    expect(() =>
      loadKubeConfig(k8s, {
        name: 'local',
        kubeconfig: { path: join(home, 'missing') },
      }),
    ).toThrow(/ENOENT/);
  });
});
