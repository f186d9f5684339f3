import { z as zod } from 'zod/v3';

/** The `summary` output of the environments actions: what was written. */
export const summaryOutputField = (z: typeof zod) =>
  z.object(
    {
      files: z.array(z.string()),
      environments: z.array(z.string()),
      previewOverlay: z.string().optional(),
    },
    {
      description:
        'Files written (relative to the workspace), environments with an overlay, and the preview overlay template if any',
    },
  );
