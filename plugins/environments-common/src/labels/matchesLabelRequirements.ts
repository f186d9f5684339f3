import type { LabelRequirement } from './LabelRequirement';

/**
 * Whether `labels` satisfy every requirement (an empty list matches everything).
 *
 * @public
 */
export function matchesLabelRequirements(
  requirements: LabelRequirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const present = labels ?? {};
  return requirements.every(r => {
    const has = Object.prototype.hasOwnProperty.call(present, r.key);
    switch (r.operator) {
      case 'in':
        return has && r.values.includes(present[r.key]);
      case 'notin':
        return !has || !r.values.includes(present[r.key]);
      case 'exists':
        return has;
      default:
        return !has;
    }
  });
}
