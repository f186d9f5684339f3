import type { ResourceType } from '../resources/ResourceType';
import type { StandInObject } from '../StandInObject';

/** An object as a list returns it: built-in kinds drop kind and apiVersion, as the API server does. */
export function listItem(
  type: ResourceType,
  object: StandInObject,
): Record<string, unknown> {
  if (type.custom) return object;
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return rest;
}
