import type { ImageReference } from '../images/ImageReference';
import type { ExecutionMode, Promotion } from './types';

/**
 * The gates a promotion must pass.
 *
 * @public
 */
export type GateId =
  | 'source-healthy'
  | 'soak-time'
  | 'approvals'
  | 'freeze-window'
  | 'no-promotion-in-flight'
  | 'digest-verified'
  | 'verified-in-source';

/**
 * One gate's verdict with a human reason, e.g. "soak time: 34m left (1h required)".
 *
 * @public
 */
export type GateResult = {
  id: GateId;
  passed: boolean;
  reason: string;
  /**
   * Whether failing it refuses a request. Approvals do not: a request without them waits in
   * `awaiting-approval`. Every gate blocks execution.
   */
  blocksRequest: boolean;
  /** When the gate is expected to pass by itself (end of soak time or freeze window), ISO 8601. */
  until?: string;
};

/**
 * What promoting into an environment would take right now: the candidate version, every gate
 * with its reason, and any promotion already in flight. Served with the environments so the UI
 * explains the gates before anyone clicks.
 *
 * @public
 */
export type PromotionReadiness = {
  source: string;
  target: string;
  /** What the source both declares in Git and runs, with a known digest; absent when it does not. */
  version?: ImageReference;
  gates: GateResult[];
  /** Every gate that blocks a request passes, and there is something to promote. */
  ready: boolean;
  /**
   * Why a request would be refused although no gate fails: the target already declares the
   * candidate ("nothing to promote").
   */
  notReadyReason?: string;
  approvalsRequired: number;
  protected: boolean;
  mode: ExecutionMode;
  inFlight?: Promotion;
};
