import { ResponseError } from '@backstage/errors';
import { tooManyRequestsError } from '../__testUtils__/tooManyRequestsError';
import { errorMessage } from './errorMessage';
import { retryAfterSecondsOf } from './tooManyRequests';

describe('retryAfterSecondsOf', () => {
  it('reads Retry-After seconds from a 429', async () => {
    const error = await tooManyRequestsError({ retryAfter: '42' });
    expect(retryAfterSecondsOf(error)).toBe(42);
    expect(errorMessage(error)).toBe('Too many requests; try again in 42 s');
  });

  it('reads a Retry-After date as the seconds until then', async () => {
    const at = new Date(Date.now() + 30_000).toUTCString();
    const seconds = retryAfterSecondsOf(
      await tooManyRequestsError({ retryAfter: at }),
    );
    expect(seconds).toBeGreaterThanOrEqual(28);
    expect(seconds).toBeLessThanOrEqual(30);
  });

  it('falls back to the body when the header is not readable (cross-origin)', async () => {
    const error = await tooManyRequestsError({ retryAfterSeconds: 17 });
    expect(retryAfterSecondsOf(error)).toBe(17);
    expect(errorMessage(error)).toBe('Too many requests; try again in 17 s');
  });

  it('says "later" when neither tells when', async () => {
    const error = await tooManyRequestsError({ retryAfter: 'soon' });
    expect(retryAfterSecondsOf(error)).toBeUndefined();
    expect(errorMessage(error)).toBe('Too many requests; try again later');
  });

  it('leaves other errors alone', async () => {
    const forbidden = await ResponseError.fromResponse(
      new Response(
        JSON.stringify({
          error: { name: 'NotAllowedError', message: 'no' },
          response: { statusCode: 403 },
        }),
        {
          status: 403,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '5' },
        },
      ),
    );
    expect(retryAfterSecondsOf(forbidden)).toBeUndefined();
    expect(errorMessage(forbidden)).toBe('no');
    expect(retryAfterSecondsOf(new Error('boom'))).toBeUndefined();
  });
});
