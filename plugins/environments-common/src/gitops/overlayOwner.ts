/**
 * The file, in a service's overlays folder, that names the one catalog entity owning that folder.
 * It lives in the GitOps repository, where only the folder's owners can write, so a catalog
 * annotation alone can never claim another service's overlays.
 *
 * ```yaml
 * entity: component:default/payments
 * # optional: the repository whose commits the versions come from, when not this one
 * sourceRepository: acme/payments
 * ```
 *
 * @public
 */
export const OVERLAY_OWNER_FILE = 'stageline-owner.yaml';

/**
 * What an overlays folder's owner file says.
 *
 * @public
 */
export type OverlayOwner = {
  /** The owning entity's full ref, `kind:namespace/name`. */
  entity: string;
  /** The source repository (as the entity's `github.com/project-slug` names it), when not the GitOps repository itself. */
  sourceRepository?: string;
};
