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
 * Who may do what in an environment (the RBAC matrix): `preview` and `open`: developers write; `qa`: developers write and the QA group administers;
 * `protected`: developers read, only the CI ServiceAccount deploys.
 */
export type EnvironmentKind = 'preview' | 'open' | 'qa' | 'protected';

/**
 * Who owns an environment's namespace: `shared` namespaces (one per environment, e.g. `staging`)
 * belong to the environment layer that `stageline:environments:platform` writes once per GitOps
 * repository; `per-service` namespaces (e.g. `checkout-staging`) belong to the service's layout.
 */
export type NamespaceMode = 'shared' | 'per-service';

/** A Pod Security Standard level, as the `pod-security.kubernetes.io/*` labels take it. */
export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

/** The Pod Security admission labels of a namespace. */
export type PodSecuritySettings = {
  enforce: PodSecurityLevel;
  warn: PodSecurityLevel;
  audit: PodSecurityLevel;
};

/** One overlay to write. */
export type EnvironmentLayout = {
  name: string;
  namespace: string;
  /** Whether the service's overlay writes the namespace and its quota, limits, policies and RBAC. */
  ownsNamespace: boolean;
  kind: EnvironmentKind;
  host: string;
  sizing: EnvironmentSizing;
};

/** How traffic reaches the service. */
export type IngressSettings = {
  kind: 'IngressRoute' | 'Ingress';
  domain: string;
  controllerNamespace: string;
  /** Ingress only; absent: the cluster's default IngressClass. */
  className?: string;
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
  namespaceMode: NamespaceMode;
  podSecurity: PodSecuritySettings;
  /** The migrations Job's command, when the base has one. */
  migrations?: string[];
  ingress: IngressSettings;
  rbac: RbacSettings;
  environments: EnvironmentLayout[];
  /** The per-PR preview overlay template, when previews are on. */
  preview?: EnvironmentLayout;
};

/**
 * The namespace-level objects of one namespace (Namespace, ResourceQuota, LimitRange, the
 * namespace's network policies, Roles and RoleBindings), written by exactly one owner: the
 * environment layer for a shared namespace, the service for its own namespace or preview.
 */
export type NamespaceLayer = {
  /** Environment name: labels the namespace and names its quota and limit range. */
  environment: string;
  namespace: string;
  kind: EnvironmentKind;
  owner: string;
  /** The service that owns the namespace; absent for a shared namespace. */
  service?: string;
  podSecurity: PodSecuritySettings;
  sizing: Pick<EnvironmentSizing, 'requests' | 'limits' | 'quota'>;
  rbac: RbacSettings;
};
