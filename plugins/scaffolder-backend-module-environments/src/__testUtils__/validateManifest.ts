import { Job } from 'kubernetes-models/batch/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import {
  Role,
  RoleBinding,
} from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import {
  LimitRange,
  Namespace,
  ResourceQuota,
  Service,
} from 'kubernetes-models/v1';
import { KubernetesObject } from '../manifests/types';
import { ingressRouteSchema } from './ingressRouteSchema';

type Model = new (data: any) => { validate(): void };

const MODELS: Record<string, Model> = {
  'apps/v1/Deployment': Deployment,
  'batch/v1/Job': Job,
  'v1/Service': Service,
  'v1/Namespace': Namespace,
  'v1/ResourceQuota': ResourceQuota,
  'v1/LimitRange': LimitRange,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
};

/**
 * Validates a rendered object against the Kubernetes OpenAPI schemas (kubernetes-models), or
 * the IngressRoute subset schema for Traefik's CRD. Throws for any kind it does not know, so a
 * new kind cannot slip through unvalidated.
 */
export function validateManifest(object: KubernetesObject): void {
  if (object.kind === 'IngressRoute') {
    ingressRouteSchema.parse(object);
    return;
  }
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) {
    throw new Error(`No schema for ${object.apiVersion} ${object.kind}`);
  }
  new Model(object).validate();
}
