import { KUBERNETES_ANNOTATION } from '@backstage/plugin-kubernetes-common';

/**
 * Declarative filter for the tab and card: components carrying `backstage.io/kubernetes-id`.
 * An object (not a function) so an app can override it from config.
 */
export const environmentsEntityFilter = {
  kind: 'component',
  [`metadata.annotations.${KUBERNETES_ANNOTATION}`]: { $exists: true },
};
