import { serviceId } from './fixtures';
import { seededRandom } from './stats';
import type { Views } from './views';

/** Upper bound of views per reader, so the loop ends even if the clock misbehaves. */
const MAX_VIEWS_PER_READER = 200_000;

export type SoakResult = {
  views: number;
  /** Non-200 answers and failed requests. */
  errors: number;
  elapsedMs: number;
  /** The first few errors, for the log. */
  samples: string[];
};

/**
 * `readers` concurrent loops viewing random services (seeded) over loopback for `durationMs`;
 * each loop stops by itself at the deadline (or after MAX_VIEWS_PER_READER views).
 */
export async function soak(
  views: Views,
  services: number,
  options: { readers: number; durationMs: number; seed: number },
): Promise<SoakResult> {
  const random = seededRandom(options.seed);
  const started = performance.now();
  const deadline = started + options.durationMs;
  const result: SoakResult = { views: 0, errors: 0, elapsedMs: 0, samples: [] };
  const fail = (message: string) => {
    result.errors++;
    if (result.samples.length < 5) result.samples.push(message);
  };
  const reader = async () => {
    for (let n = 0; n < MAX_VIEWS_PER_READER; n++) {
      if (performance.now() >= deadline) return;
      const i = Math.floor(random() * services);
      try {
        const { status, text } = await views.environments(i);
        if (status !== 200) {
          fail(`${serviceId(i)}: HTTP ${status} ${text?.slice(0, 300)}`);
        }
      } catch (error) {
        fail(`${serviceId(i)}: ${error}`);
      }
      result.views++;
    }
  };
  await Promise.all(Array.from({ length: options.readers }, reader));
  result.elapsedMs = performance.now() - started;
  return result;
}
