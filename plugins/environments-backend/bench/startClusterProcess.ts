import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/** The Kubernetes API stand-in running in clusterProcess.ts, as the benchmark uses it. */
export type ClusterProcess = {
  url: string;
  requestCount(): Promise<number>;
  resetRequestCount(): Promise<void>;
  stop(): Promise<void>;
};

/** Forks the stand-in with `services` x 4 environments and `previews` preview namespaces. */
export function startClusterProcess(options: {
  services: number;
  previews: number;
  token: string;
}): Promise<ClusterProcess> {
  const child = fork(join(__dirname, 'clusterProcess.ts'), [], {
    env: {
      ...process.env,
      BENCH_SERVICES: String(options.services),
      BENCH_PREVIEWS: String(options.previews),
      BENCH_CLUSTER_TOKEN: options.token,
    },
    execArgv: process.execArgv.filter(a => a !== '--expose-gc'),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const failed = (code: number | null) =>
      reject(new Error(`the cluster stand-in exited (code ${code})`));
    child.once('exit', failed);
    // Other messages come through the same channel (the TypeScript loader announces the files
    // it compiles), so wait for the one that carries the URL.
    const started = (message: { url?: string }) => {
      if (typeof message?.url !== 'string') return;
      child.off('exit', failed);
      child.off('message', started);
      resolve(connect(child, message.url));
    };
    child.on('message', started);
  });
}

function connect(child: ChildProcess, url: string): ClusterProcess {
  let next = 0;
  const waiting = new Map<number, (value?: number) => void>();
  child.on('message', (message: { id?: number; value?: number }) => {
    if (message.id === undefined) return;
    waiting.get(message.id)?.(message.value);
    waiting.delete(message.id);
  });
  const ask = (type: 'count' | 'reset' | 'stop') =>
    new Promise<number | undefined>(resolve => {
      const id = next++;
      waiting.set(id, resolve);
      child.send({ id, type });
    });
  return {
    url,
    requestCount: async () => (await ask('count'))!,
    resetRequestCount: async () => {
      await ask('reset');
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise(resolve => child.once('exit', resolve));
      await ask('stop');
      await exited;
    },
  };
}
