/**
 * The branch of a promotion pull request into one environment of a service:
 * `stageline/<service>/<environment>`.
 *
 * @public
 */
export function promotionBranch(service: string, environment: string): string {
  return `${promotionBranchPrefix(service)}${environment}`;
}

/**
 * The prefix of every promotion branch of a service, `stageline/<service>/`: open promotion
 * pull requests of the service are those whose branch starts with it.
 *
 * @public
 */
export function promotionBranchPrefix(service: string): string {
  return `stageline/${service}/`;
}
