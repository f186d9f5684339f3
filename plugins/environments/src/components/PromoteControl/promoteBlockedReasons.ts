import type { PromotionReadiness } from '@stageline/plugin-environments-common';
import type { EnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import { gateReason } from '../../util/gateReason';

/**
 * Why Promote cannot be used, in plain language: missing permission (protected targets need both
 * promote permissions) and every failing gate that refuses a request. Empty when the user may
 * promote.
 */
export function promoteBlockedReasons(
  readiness: PromotionReadiness,
  permissions: Pick<EnvironmentsPermissions, 'promote' | 'promoteProtected'>,
): string[] {
  const reasons: string[] = [];
  const allowed =
    permissions.promote &&
    (!readiness.protected || permissions.promoteProtected);
  if (!allowed) reasons.push(`You may not promote to ${readiness.target}`);
  if (readiness.notReadyReason) reasons.push(readiness.notReadyReason);
  if (!readiness.ready && !readiness.notReadyReason) {
    const failing = readiness.gates.filter(g => !g.passed && g.blocksRequest);
    reasons.push(
      ...(failing.length
        ? failing.map(g => gateReason(g, readiness.target))
        : [`${readiness.source} has no version ready to promote`]),
    );
  }
  return [...new Set(reasons)];
}
