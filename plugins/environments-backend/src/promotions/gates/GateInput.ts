import type {
  ApprovalDecision,
  EnvironmentState,
  ImageReference,
  Promotion,
} from '@stageline/plugin-environments-common';
import type { GatesConfig } from '../../config/Environment';

/** What the gates of one promotion (or would-be promotion) are evaluated on. */
export type GateInput = {
  now: Date;
  /** The environment the version comes from. */
  source: EnvironmentState;
  /** The environment promoted into; its gates and freeze windows apply. */
  target: EnvironmentState;
  gates: GatesConfig;
  /** The version of an existing promotion; absent: whatever the source can promote now. */
  candidate?: ImageReference;
  approvals?: ApprovalDecision[];
  requestedBy?: string;
  /** The promotion in flight for (entity, target), if any. */
  inFlight?: Promotion;
  /** The promotion being evaluated: it does not count as in flight against itself. */
  promotionId?: string;
  /** Versions that passed verification in the source, when the target requires it. */
  verifiedVersions?: ImageReference[];
};
