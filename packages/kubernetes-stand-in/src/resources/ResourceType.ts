/** A kind the stand-in serves, as discovery describes it. */
export type ResourceType = {
  /** API group; '' for the core group. */
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  /** Custom resources keep kind and apiVersion on list items; built-in kinds do not. */
  custom?: boolean;
};
