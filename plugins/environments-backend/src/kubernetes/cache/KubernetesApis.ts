import type {
  AppsV1Api,
  BatchV1Api,
  CoreV1Api,
  CustomObjectsApi,
  NetworkingV1Api,
} from '@kubernetes/client-node';

/** The typed API clients of one cluster. */
export type KubernetesApis = {
  core: CoreV1Api;
  apps: AppsV1Api;
  batch: BatchV1Api;
  networking: NetworkingV1Api;
  custom: CustomObjectsApi;
};
