import { createHash } from 'node:crypto';
import type { ImageReference } from '@stageline/plugin-environments-common';

/**
 * What a decision is bound to: a fixed-length hash of (entity, target, version), so the
 * database can index it and a decision is void as soon as the promotion's differs.
 */
export function decisionBinding(subject: {
  entityRef: string;
  target: string;
  version: ImageReference;
}): string {
  // JSON of an array keeps the parts unambiguous whatever characters they hold.
  const parts = [
    subject.entityRef,
    subject.target,
    subject.version.name,
    subject.version.tag ?? null,
    subject.version.digest ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
