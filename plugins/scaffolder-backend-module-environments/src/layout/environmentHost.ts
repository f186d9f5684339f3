import { PLACEHOLDERS } from '../manifests/placeholders';
import { EnvironmentKind } from '../manifests/layoutTypes';

/**
 * Host per environment: `<service>.<domain>` in production, `<service>.<env>.<domain>`
 * elsewhere, `pr-PRNUMBER.<service>.preview.<domain>` for previews. The service name
 * is part of every host so that several services share one domain.
 */
export function environmentHost(
  service: string,
  environment: string,
  kind: EnvironmentKind,
  domain: string,
): string {
  if (kind === 'preview') {
    return `pr-${PLACEHOLDERS.prNumber}.${service}.preview.${domain}`;
  }
  if (environment === 'production') return `${service}.${domain}`;
  return `${service}.${environment}.${domain}`;
}
