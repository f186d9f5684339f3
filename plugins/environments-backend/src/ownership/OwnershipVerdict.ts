/** Whether an entity owns the overlays folder its annotations name, and why. */
export type OwnershipVerdict =
  | {
      owned: true;
      /** Where ownership is asserted. */
      by: 'config' | 'owner-file';
      /** The source repository the owner names, when not the GitOps repository. */
      sourceRepository?: string;
    }
  | { owned: false; reason: string };
