/**
 * A Kubernetes API server stand-in for tests and benchmarks: real REST list, get and watch over
 * HTTP on 127.0.0.1, and namespace delete with UID preconditions.
 *
 * @packageDocumentation
 */

export { startKubernetesStandIn } from './startKubernetesStandIn';
export type { KubernetesStandIn } from './KubernetesStandIn';
export type { KubernetesStandInOptions } from './KubernetesStandInOptions';
export type { StandInObject } from './StandInObject';
export type { RecordedPatch } from './http/RecordedPatch';
export { argoCdApplication } from './agents/argoCdApplication';
export type { ArgoCdApplicationState } from './agents/argoCdApplication';
export { fluxKustomization } from './agents/fluxKustomization';
export type { FluxKustomizationState } from './agents/fluxKustomization';
