import type { EnvironmentsConfig } from '../config/readEnvironmentsConfig';

/**
 * Auditor severity of a request or approval into `target`: `high` when the environment is
 * protected, `medium` otherwise.
 *
 * Decided from config alone, because the auditor fixes severity when the event starts, before
 * the permission check and the catalog read that tell the entity's chain. A name protected in
 * any chain counts as protected: a refused attempt on production is never under-reported.
 */
export function auditSeverity(
  config: Pick<EnvironmentsConfig, 'chains'>,
  target: string,
): 'high' | 'medium' {
  for (const chain of config.chains.values()) {
    if (
      chain.some(
        ({ definition }) => definition.name === target && definition.protected,
      )
    )
      return 'high';
  }
  return 'medium';
}
