import { parseLabelSelector } from '@stageline/plugin-environments-common';
import type { ObjectMeta } from '../objectTypes';
import { ObjectIndex } from './ObjectIndex';

function object(meta: Partial<ObjectMeta> & { name: string }) {
  return { metadata: { namespace: 'qa', ...meta } };
}

const ID = 'backstage.io/kubernetes-id';

describe('ObjectIndex', () => {
  it('selects by kubernetes-id bucket or by scanning the namespace', () => {
    const index = new ObjectIndex();
    index.upsert(
      object({ name: 'a', labels: { [ID]: 'checkout', tier: 'api' } }),
    );
    index.upsert(object({ name: 'b', labels: { [ID]: 'payments' } }));
    index.upsert(
      object({ name: 'c', namespace: 'staging', labels: { [ID]: 'checkout' } }),
    );
    const names = (ns: string, selector: string) =>
      index
        .select(ns, parseLabelSelector(selector))
        .map(o => o.metadata.name)
        .sort();
    expect(names('qa', `${ID}=checkout`)).toEqual(['a']);
    expect(names('qa', `${ID} in (checkout,payments)`)).toEqual(['a', 'b']);
    expect(names('qa', `${ID}=checkout,tier=web`)).toEqual([]);
    expect(names('qa', 'tier=api')).toEqual(['a']);
    expect(names('qa', `${ID}!=checkout`)).toEqual(['b']);
    expect(names('staging', `${ID}=checkout`)).toEqual(['c']);
    expect(index.size).toBe(3);
  });

  it('moves an object between buckets when its labels or owner change, and removes it', () => {
    const index = new ObjectIndex();
    index.upsert(
      object({
        name: 'p',
        labels: { [ID]: 'a' },
        ownerReferences: [
          { kind: 'ReplicaSet', name: 'rs1', controller: true },
        ],
      }),
    );
    index.upsert(
      object({
        name: 'p',
        labels: { [ID]: 'b' },
        ownerReferences: [
          { kind: 'ReplicaSet', name: 'rs2', controller: true },
        ],
      }),
    );
    expect(index.select('qa', parseLabelSelector(`${ID}=a`))).toEqual([]);
    expect(index.select('qa', parseLabelSelector(`${ID}=b`))).toHaveLength(1);
    expect(index.ownedBy('qa', 'ReplicaSet', 'rs1')).toEqual([]);
    expect(index.ownedBy('qa', 'ReplicaSet', 'rs2')).toHaveLength(1);
    index.remove('qa', 'p');
    index.remove('qa', 'never-there');
    expect(index.size).toBe(0);
    expect(index.inNamespace('qa')).toEqual([]);
    expect(index.ownedBy('qa', 'ReplicaSet', 'rs2')).toEqual([]);
  });

  it('indexes cluster-scoped objects under the empty namespace', () => {
    const index = new ObjectIndex();
    index.upsert({ metadata: { name: 'qa' } });
    expect(index.all().map(o => o.metadata.name)).toEqual(['qa']);
    index.remove(undefined, 'qa');
    expect(index.all()).toEqual([]);
  });
});
