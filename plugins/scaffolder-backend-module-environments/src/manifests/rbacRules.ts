/** One PolicyRule: explicit groups, resources and verbs, never `*`. */
export type PolicyRule = {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
};

const READ = ['get', 'list', 'watch'];
const WRITE = [...READ, 'create', 'update', 'patch', 'delete'];

const WORKLOADS: PolicyRule[] = [
  { apiGroups: [''], resources: ['pods', 'services', 'configmaps'], verbs: [] },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets'], verbs: [] },
  { apiGroups: ['batch'], resources: ['jobs'], verbs: [] },
];

const withVerbs = (rules: PolicyRule[], verbs: string[]) =>
  rules.map(rule => ({ ...rule, verbs }));

/**
 * The RBAC matrix as namespaced rules: developers write workloads in previews, qa and other
 * unprotected environments and only read them in protected ones, where the CI ServiceAccount
 * alone deploys; the QA group administers the qa environment. Secrets are left out of every
 * role: an operator who wants them grants them explicitly.
 */
export const RBAC_RULES: Record<
  'developerRead' | 'developerWrite' | 'qaAdmin' | 'ciDeploy',
  PolicyRule[]
> = {
  developerRead: [
    ...withVerbs(WORKLOADS, READ),
    { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  ],
  developerWrite: [
    ...withVerbs(WORKLOADS, WRITE),
    { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    {
      apiGroups: [''],
      resources: ['pods/exec', 'pods/portforward'],
      verbs: ['create'],
    },
  ],
  qaAdmin: [
    ...withVerbs(
      [
        ...WORKLOADS,
        {
          apiGroups: [''],
          resources: ['persistentvolumeclaims'],
          verbs: [],
        },
        { apiGroups: ['apps'], resources: ['statefulsets'], verbs: [] },
        { apiGroups: ['batch'], resources: ['cronjobs'], verbs: [] },
      ],
      [...WRITE, 'deletecollection'],
    ),
    { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    {
      apiGroups: [''],
      resources: ['pods/exec', 'pods/portforward'],
      verbs: ['create'],
    },
  ],
  // The CI deploy role: roll a Deployment, run a migration Job, watch pods.
  ciDeploy: [
    {
      apiGroups: ['apps'],
      resources: ['deployments'],
      verbs: ['get', 'list', 'patch'],
    },
    {
      apiGroups: ['batch'],
      resources: ['jobs'],
      verbs: ['create', 'get', 'list', 'watch'],
    },
    { apiGroups: [''], resources: ['pods', 'pods/log'], verbs: READ },
  ],
};
