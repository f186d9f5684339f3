import type { GateId } from '@stageline/plugin-environments-common';

/** How each gate is named for people (its id is for the API). */
export const gateLabels: Record<GateId, string> = {
  'source-healthy': 'Source healthy',
  'soak-time': 'Soak time',
  approvals: 'Approvals',
  'freeze-window': 'Freeze window',
  'no-promotion-in-flight': 'No other promotion in flight',
  'digest-verified': 'Digest verified',
  'verified-in-source': 'Verified in source',
};
