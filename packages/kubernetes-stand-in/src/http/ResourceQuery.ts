import type { LabelRequirement } from '@stageline/plugin-environments-common';
import type { ResourceType } from '../resources/ResourceType';
import type { StandInObject } from '../StandInObject';

/** A parsed list, get or watch request for one kind. */
export type ResourceQuery = {
  type: ResourceType;
  namespace?: string;
  name?: string;
  labels: LabelRequirement[];
  fields: (object: StandInObject) => boolean;
  watch: boolean;
  resourceVersion?: string;
  allowWatchBookmarks: boolean;
  timeoutSeconds?: number;
};
