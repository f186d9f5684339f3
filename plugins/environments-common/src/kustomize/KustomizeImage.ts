/**
 * One entry of a kustomization's `images` list.
 *
 * @public
 */
export type KustomizeImage = {
  /** Image name to match in the resources, compared as an exact string. */
  name: string;
  newName?: string;
  newTag?: string;
  /** `sha256:<64 hex>` */
  digest?: string;
};
