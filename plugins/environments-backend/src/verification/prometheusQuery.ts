import { z } from 'zod/v3';
import { networkErrorMessage } from './networkErrorMessage';

const sampleSchema = z.tuple([z.number(), z.string()]);

const responseSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('success'),
    data: z.discriminatedUnion('resultType', [
      z.object({
        resultType: z.literal('vector'),
        result: z.array(z.object({ value: sampleSchema })),
      }),
      z.object({ resultType: z.literal('scalar'), result: sampleSchema }),
    ]),
  }),
  z.object({ status: z.literal('error'), error: z.string().optional() }),
]);

/** What one instant query gave: a number, or no sample at all. */
export type PrometheusValue = { value: number } | { value: undefined };

/**
 * One instant query (`GET /api/v1/query`) on a Prometheus server from config. A vector gives its
 * first sample, a scalar its value, an empty vector no value. Throws with a plain message when
 * the server cannot be reached, refuses the query or answers something else.
 */
export async function prometheusQuery(input: {
  baseUrl: string;
  query: string;
  timeoutMs: number;
}): Promise<PrometheusValue> {
  const url = `${input.baseUrl}/api/v1/query?${new URLSearchParams({
    query: input.query,
  })}`;
  let body: unknown;
  let status: number;
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    status = response.status;
    body = await response.json().catch(() => undefined);
  } catch (error) {
    throw new Error(
      `Prometheus at ${
        input.baseUrl
      } could not be reached: ${networkErrorMessage(error)}`,
    );
  }
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `Prometheus at ${input.baseUrl} answered ${status} without a query result`,
    );
  }
  if (parsed.data.status === 'error') {
    throw new Error(
      `Prometheus refused the query: ${
        parsed.data.error ?? `status ${status}`
      }`,
    );
  }
  const data = parsed.data.data;
  const sample =
    data.resultType === 'scalar' ? data.result : data.result[0]?.value;
  if (!sample) return { value: undefined };
  const value = Number(sample[1]);
  if (!Number.isFinite(value)) {
    throw new Error(
      `Prometheus answered a value that is not a number: ${sample[1]}`,
    );
  }
  return { value };
}
