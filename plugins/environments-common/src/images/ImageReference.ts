/**
 * A container image reference `name[:tag][@digest]`, split into its parts.
 *
 * @public
 */
export type ImageReference = {
  /** Repository name including registry host, e.g. `ghcr.io/acme/checkout`. */
  name: string;
  tag?: string;
  /** `sha256:<64 hex>` */
  digest?: string;
};
