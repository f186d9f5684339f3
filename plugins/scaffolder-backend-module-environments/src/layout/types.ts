/** CPU and memory amounts as Kubernetes quantities. */
export type ResourceAmounts = { cpu: string; memory: string };

/** ResourceQuota `hard` limits of one namespace. */
export type QuotaSize = {
  requestsCpu: string;
  requestsMemory: string;
  limitsCpu: string;
  limitsMemory: string;
  pods: number;
};

/** How big one environment is: workload size, namespace quota and availability. */
export type EnvironmentSizing = {
  replicas: number;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  quota: QuotaSize;
  /** HorizontalPodAutoscaler ceiling (protected environments only). */
  maxReplicas: number;
  /** PodDisruptionBudget floor (protected environments only). */
  minAvailable: number;
};

/**
 * Who may do what in an environment, after the source articles' RBAC matrix:
 * `preview` and `open`: developers write; `qa`: developers write and the QA group administers;
 * `protected`: developers read, only the CI ServiceAccount deploys.
 */
export type EnvironmentKind = 'preview' | 'open' | 'qa' | 'protected';

/** One overlay to write. */
export type EnvironmentLayout = {
  name: string;
  namespace: string;
  kind: EnvironmentKind;
  host: string;
  sizing: EnvironmentSizing;
};

/** How traffic reaches the service. */
export type IngressSettings = {
  kind: 'IngressRoute' | 'Ingress';
  domain: string;
  controllerNamespace: string;
  className: string;
  entryPoint: string;
  certResolver: string;
};

/** Subjects of the generated RoleBindings. */
export type RbacSettings = {
  developersGroup: string;
  qaGroup: string;
  ciServiceAccount: string;
  ciServiceAccountNamespace: string;
};

/** Everything the manifests are built from, validated. */
export type ServiceLayout = {
  name: string;
  owner: string;
  image: string;
  port: number;
  healthPath: string;
  basePath: string;
  overlaysPath: string;
  migrations: boolean;
  ingress: IngressSettings;
  rbac: RbacSettings;
  environments: EnvironmentLayout[];
  /** The per-PR preview overlay template, when previews are on. */
  preview?: EnvironmentLayout;
};

/** A file to write, relative to the workspace. */
export type WorkspaceFile = { path: string; content: string };
