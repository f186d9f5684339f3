/**
 * One environment of a chain as configured: a stage bound to a cluster, a namespace and an
 * overlay folder.
 *
 * @public
 */
export type EnvironmentDefinition = {
  name: string;
  namespace: string;
  cluster?: string;
  /** Overlay folder name under the service's overlays path; defaults to `name`. */
  overlay: string;
  /** Promotion into it needs the protected-promotion permission. */
  protected: boolean;
};

/**
 * Response of `GET /entities/:kind/:namespace/:name/environments`.
 *
 * @public
 */
export type EnvironmentsResponse = {
  entityRef: string;
  chain: string;
  environments: EnvironmentDefinition[];
};
