import type { ContainerSpec, PodTemplate } from '../objectTypes';
import { parseImage } from './parseImage';

/**
 * The container of a workload's pod template running `primaryImage` (by image name), else the
 * first one.
 */
export function primaryContainer(
  workload: { spec?: { template?: PodTemplate } },
  primaryImage: string | undefined,
): ContainerSpec | undefined {
  const list = workload.spec?.template?.spec?.containers ?? [];
  const wanted = primaryImage && parseImage(primaryImage)?.name;
  return (
    (wanted && list.find(c => parseImage(c.image)?.name === wanted)) || list[0]
  );
}
