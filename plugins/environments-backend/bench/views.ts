import type { Entity } from '@backstage/catalog-model';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { EnvironmentsResponse } from '@stageline/plugin-environments-common';
import { ENVIRONMENTS, serviceId } from './fixtures';
import { runPool, seededRandom, summarize } from './stats';

/** HTTP clients of the two views under test, over loopback. */
export class Views {
  readonly #baseUrl: string;
  readonly #authorization = mockCredentials.user.header();

  constructor(baseUrl: string) {
    this.#baseUrl = baseUrl;
  }

  /** The environments view of service `i`: its status, and its body when 200. */
  async environments(
    i: number,
  ): Promise<{ status: number; body?: EnvironmentsResponse; text?: string }> {
    const res = await fetch(
      `${this.#baseUrl}/api/environments/entities/component/default/${serviceId(
        i,
      )}/environments`,
      { headers: { authorization: this.#authorization } },
    );
    if (res.status !== 200)
      return { status: res.status, text: await res.text() };
    return { status: 200, body: (await res.json()) as EnvironmentsResponse };
  }

  /** The stock Kubernetes plugin's view of `entity`; throws unless 200 without errors. */
  async kubernetes(entity: Entity): Promise<void> {
    const res = await fetch(
      `${this.#baseUrl}/api/kubernetes/services/${entity.metadata.name}`,
      {
        method: 'POST',
        headers: {
          authorization: this.#authorization,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ entity }),
      },
    );
    const body = (await res.json()) as {
      items?: Array<{ errors: unknown[]; resources: unknown[] }>;
    };
    if (res.status !== 200 || !body.items?.length) {
      throw new Error(
        `kubernetes plugin for ${entity.metadata.name}: HTTP ${
          res.status
        } ${JSON.stringify(body).slice(0, 500)}`,
      );
    }
    if (body.items.some(item => item.errors.length > 0)) {
      throw new Error(
        `kubernetes plugin for ${
          entity.metadata.name
        } reported errors: ${JSON.stringify(
          body.items.map(item => item.errors),
        ).slice(0, 500)}`,
      );
    }
  }
}

/** What keeps a view from being complete: errors, or an environment without desired or live state. */
export function problemsOf(body: EnvironmentsResponse): string[] {
  return body.environments.flatMap(env => [
    ...env.errors.map(e => `${env.name}: ${e.source}: ${e.message}`),
    ...(env.live ? [] : [`${env.name}: no live state`]),
    ...(env.desired ? [] : [`${env.name}: no desired state`]),
    ...(env.sync.status === 'in-sync'
      ? []
      : [`${env.name}: ${env.sync.status} (${env.sync.reason})`]),
  ]);
}

/**
 * Views every service, again and again for those not yet complete (200 with desired and live
 * state, in sync, no errors), until all are or `timeoutMs` passes (then throws). Returns rounds.
 */
export async function warmUp(
  views: Views,
  services: number,
  options: { concurrency: number; timeoutMs: number },
): Promise<number> {
  const deadline = Date.now() + options.timeoutMs;
  const viewAll = async (list: number[]) => {
    const problems = new Map<number, string>();
    await runPool(list.length, options.concurrency, async index => {
      const i = list[index];
      const { status, body, text } = await views.environments(i);
      const found = body ? problemsOf(body) : [`HTTP ${status} ${text}`];
      if (found.length) problems.set(i, found.join('; '));
    });
    return problems;
  };
  let pending = Array.from({ length: services }, (_, i) => i);
  for (let round = 1; ; round++) {
    const problems = await viewAll(pending);
    if (problems.size === 0) return round;
    pending = [...problems.keys()];
    if (Date.now() > deadline) {
      const [i, problem] = [...problems][0];
      throw new Error(
        `warm-up: ${problems.size} services incomplete after ${
          options.timeoutMs / 1000
        } s, e.g. ${serviceId(i)}: ${problem}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/** `count` environments views of random services (seeded); latencies of the 200s, else throws. */
export async function measureEnvironments(
  views: Views,
  services: number,
  options: { count: number; concurrency: number; seed: number },
) {
  const random = seededRandom(options.seed);
  const latencies: number[] = [];
  await runPool(options.count, options.concurrency, async () => {
    const i = Math.floor(random() * services);
    const t0 = performance.now();
    const { status, body, text } = await views.environments(i);
    latencies.push(performance.now() - t0);
    if (status !== 200 || body?.environments.length !== ENVIRONMENTS.length) {
      throw new Error(
        `environments of ${serviceId(i)}: HTTP ${status} ${
          text ?? JSON.stringify(body).slice(0, 500)
        }`,
      );
    }
  });
  return summarize(latencies);
}

/** `count` Kubernetes plugin views, spread over the services as before the rewrite. */
export async function measureKubernetesPlugin(
  views: Views,
  entities: Entity[],
  options: { count: number; concurrency: number },
) {
  const latencies: number[] = [];
  await runPool(options.count, options.concurrency, async index => {
    const entity = entities[(index * 37) % entities.length];
    const t0 = performance.now();
    await views.kubernetes(entity);
    latencies.push(performance.now() - t0);
  });
  return summarize(latencies);
}
