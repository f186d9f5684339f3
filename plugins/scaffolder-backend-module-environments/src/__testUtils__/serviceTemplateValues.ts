/**
 * What the form of templates/service-with-environments sends for a service in per-service
 * namespaces with migrations; tests override what they need.
 */
export const SERVICE_TEMPLATE_VALUES = {
  name: 'checkout',
  description: 'Takes the money',
  owner: 'group:default/team-checkout',
  port: 3000,
  imageRegistry: 'ghcr.io/acme',
  chain: 'default',
  environments: ['qa', 'staging', 'production'],
  ingressKind: 'Ingress',
  domain: 'shop.example.com',
  migrations: true,
  namespaceMode: 'per-service',
  previewQuotaCpu: '2',
  previewQuotaMemory: '2Gi',
  productionQuotaCpu: '12',
  productionQuotaMemory: '24Gi',
  developersGroup: 'developers',
  qaGroup: 'qa-engineers',
  repoUrl: 'github.com?owner=acme&repo=checkout',
};
