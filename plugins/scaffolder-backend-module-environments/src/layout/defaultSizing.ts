import { EnvironmentKind, EnvironmentSizing } from '../manifests/layoutTypes';

const PREVIEW: EnvironmentSizing = {
  replicas: 1,
  requests: { cpu: '50m', memory: '64Mi' },
  limits: { cpu: '200m', memory: '128Mi' },
  quota: {
    requestsCpu: '500m',
    requestsMemory: '512Mi',
    limitsCpu: '1',
    limitsMemory: '1Gi',
    pods: 10,
  },
  maxReplicas: 1,
  minAvailable: 0,
};

const QA: EnvironmentSizing = {
  replicas: 2,
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '500m', memory: '256Mi' },
  quota: {
    requestsCpu: '1',
    requestsMemory: '1Gi',
    limitsCpu: '2',
    limitsMemory: '2Gi',
    pods: 20,
  },
  maxReplicas: 2,
  minAvailable: 1,
};

const PRODUCTION: EnvironmentSizing = {
  replicas: 3,
  requests: { cpu: '250m', memory: '256Mi' },
  limits: { cpu: '1000m', memory: '512Mi' },
  quota: {
    requestsCpu: '4',
    requestsMemory: '8Gi',
    limitsCpu: '8',
    limitsMemory: '16Gi',
    pods: 50,
  },
  maxReplicas: 8,
  minAvailable: 2,
};

/**
 * Default sizes by kind of environment: previews run 1 replica in a 10-pod quota; qa and every
 * other unprotected stage (uat, perf) 2 replicas in a 20-pod quota; protected environments
 * (staging and production by default) 3 replicas that scale up to 8, at least 2 available, in a
 * 50-pod quota. Staging is sized like production, quota included, so that its HPA can reach the
 * same ceiling. The `sizing` input overrides any field per environment.
 */
export function defaultSizing(kind: EnvironmentKind): EnvironmentSizing {
  if (kind === 'preview') return PREVIEW;
  if (kind === 'protected') return PRODUCTION;
  return QA;
}
