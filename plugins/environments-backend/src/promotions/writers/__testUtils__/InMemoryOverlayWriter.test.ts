import type { OverlayWriteRequest } from '../types';
import { InMemoryOverlayWriter } from './InMemoryOverlayWriter';

function request(promotionId: string, onConflict?: () => Promise<void>) {
  return {
    promotionId,
    service: 'checkout',
    environment: 'qa',
    path: 'k8s/overlays/qa/kustomization.yaml',
    imageName: 'app',
    image: { name: 'app', tag: 'v2' },
    mode: 'pull-request',
    autoMerge: false,
    branch: 'stageline/checkout/qa',
    title: 't',
    body: 'b',
    commitMessage: 'm',
    onConflict,
  } satisfies OverlayWriteRequest;
}

describe('InMemoryOverlayWriter', () => {
  it('records writes and answers a repeated promotion as already written', async () => {
    const writer = new InMemoryOverlayWriter();
    const first = await writer.write(request('p-1'));
    expect(first.links.pullRequest?.number).toBe(1);
    await expect(writer.write(request('p-1'))).resolves.toEqual({
      ...first,
      alreadyWritten: true,
    });
    expect(writer.requests).toHaveLength(2);
    expect(writer.written.size).toBe(1);
  });

  it('conflicts after calling onConflict, then writes', async () => {
    const writer = new InMemoryOverlayWriter();
    writer.conflictNext();
    const onConflict = jest.fn(async () => {});
    await expect(
      writer.write(request('p-1', onConflict)),
    ).rejects.toMatchObject({ name: 'ConflictError' });
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(writer.written.size).toBe(0);
    await expect(writer.write(request('p-1'))).resolves.toMatchObject({
      alreadyWritten: false,
    });
  });

  it('reports the status a test sets, pending otherwise', async () => {
    const writer = new InMemoryOverlayWriter();
    const written = { promotionId: 'p-1', mode: 'commit' as const, links: {} };
    await expect(writer.status(written)).resolves.toEqual({ state: 'pending' });
    writer.setStatus('p-1', { state: 'merged', commitSha: 'abc' });
    await expect(writer.status(written)).resolves.toEqual({
      state: 'merged',
      commitSha: 'abc',
    });
    expect(writer.statusCalls).toEqual(['p-1', 'p-1']);
  });
});
