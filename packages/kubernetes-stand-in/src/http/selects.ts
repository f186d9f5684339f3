import { matchesLabelRequirements } from '@stageline/plugin-environments-common';
import type { StandInObject } from '../StandInObject';
import type { ResourceQuery } from './ResourceQuery';

/** Whether an object falls in the namespace and selectors of a list or watch. */
export function selects(query: ResourceQuery, object: StandInObject): boolean {
  if (query.namespace && object.metadata.namespace !== query.namespace) {
    return false;
  }
  return (
    matchesLabelRequirements(query.labels, object.metadata.labels) &&
    query.fields(object)
  );
}
