import { formatDuration } from '@stageline/plugin-environments-common';
import type { HttpCheckConfig } from '../config/verificationSchema';
import { networkErrorMessage } from './networkErrorMessage';
import type { CheckResult } from './CheckResult';

/**
 * One GET of `path` on the environment's base URL (from config, never from annotations). It
 * passes when the answer has the expected status within the timeout; redirects are not followed,
 * so the check never leaves the configured host.
 */
export async function runHttpCheck(input: {
  baseUrl: string;
  check: HttpCheckConfig;
  now: () => Date;
}): Promise<CheckResult> {
  const { baseUrl, check } = input;
  // Appended to the base URL's path; the host stays the configured one.
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${check.path}`).toString();
  const name = `GET ${check.path}`;
  const result = (passed: boolean, reason: string): CheckResult => ({
    check: name,
    passed,
    reason,
    at: input.now().toISOString(),
  });
  const started = Date.now();
  let status: number;
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(check.timeoutMs),
    });
    status = response.status;
    await response.body?.cancel();
  } catch (error) {
    if (isTimeout(error)) {
      return result(
        false,
        `${url} gave no answer within ${
          check.timeoutMs < 1000
            ? `${check.timeoutMs}ms`
            : formatDuration(check.timeoutMs)
        }`,
      );
    }
    return result(
      false,
      `${url} could not be reached: ${networkErrorMessage(error)}`,
    );
  }
  const took = `${Date.now() - started}ms`;
  if (status !== check.expectedStatus) {
    return result(
      false,
      `${url} answered ${status} in ${took}, expected ${check.expectedStatus}`,
    );
  }
  return result(true, `${url} answered ${status} in ${took}`);
}

/** AbortSignal.timeout aborts with a DOMException named TimeoutError. */
function isTimeout(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    error.name === 'TimeoutError'
  );
}
