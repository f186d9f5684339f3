import { describeClusterError } from './describeClusterError';

describe('describeClusterError', () => {
  it.each([
    [
      { code: 401, body: 'token=canary' },
      "cluster 'c' rejected the credentials: 401 Unauthorized listing pods",
    ],
    [
      { code: 403 },
      "cluster 'c' refused the service account: 403 Forbidden listing pods",
    ],
    [
      { statusCode: 500 },
      "cluster 'c' answered 500 Internal Server Error listing pods",
    ],
    [
      Object.assign(
        new Error(
          'request to http://127.0.0.1:1/api/v1/pods failed, reason: connect ECONNREFUSED 127.0.0.1:1',
        ),
        { code: 'ECONNREFUSED' },
      ),
      "cluster 'c' is unreachable: connect ECONNREFUSED 127.0.0.1:1",
    ],
    [
      Object.assign(new Error('getaddrinfo ENOTFOUND k8s.invalid'), {
        code: 'ENOTFOUND',
      }),
      "cluster 'c' is unreachable: getaddrinfo ENOTFOUND k8s.invalid",
    ],
    [
      Object.assign(new Error('Premature close'), {
        code: 'ERR_STREAM_PREMATURE_CLOSE',
      }),
      "cluster 'c' closed the connection listing pods",
    ],
    [
      new Error('something odd\nwith details'),
      "cluster 'c' failed listing pods: something odd",
    ],
    ['plain string', "cluster 'c' failed listing pods: plain string"],
  ])('describes %p', (error, reason) => {
    expect(describeClusterError('c', 'listing pods', error)).toBe(reason);
  });

  it('never repeats response bodies of API errors', () => {
    const error = Object.assign(new Error('HTTP-Code: 401\nBody: "canary"'), {
      code: 401,
    });
    expect(describeClusterError('c', 'listing pods', error)).not.toContain(
      'canary',
    );
  });
});
