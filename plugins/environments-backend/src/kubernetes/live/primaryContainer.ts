import type { ContainerSpec } from '../objectTypes';
import { parseImage } from './parseImage';

/** The container running `primaryImage` (by image name), else the first one. */
export function primaryContainer(
  containers: ContainerSpec[] | undefined,
  primaryImage: string | undefined,
): ContainerSpec | undefined {
  const list = containers ?? [];
  const wanted = primaryImage && parseImage(primaryImage)?.name;
  return (
    (wanted && list.find(c => parseImage(c.image)?.name === wanted)) || list[0]
  );
}
