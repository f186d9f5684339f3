/** The parts of a resource URL: `/api/v1/namespaces/ns/pods/name` and friends. */
export type ResourcePath = {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
};
