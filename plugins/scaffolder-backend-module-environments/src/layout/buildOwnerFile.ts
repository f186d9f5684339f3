import {
  OVERLAY_OWNER_FILE,
  type OverlayOwner,
} from '@stageline/plugin-environments-common';
import { toYaml } from '../files/toYaml';
import { WorkspaceFile } from '../files/workspaceFile';

const HEADER = [
  '# Names the only catalog entity allowed to read and promote the overlays in this folder.',
  '# Stageline checks it before acting on them: keep it, and change it only with the owners.',
].join('\n');

/** The owner file of a service's overlays folder (next to its environment folders). */
export function buildOwnerFile(
  overlaysPath: string,
  owner: OverlayOwner,
): WorkspaceFile {
  return {
    path: `${overlaysPath}/${OVERLAY_OWNER_FILE}`,
    content: `${HEADER}\n${toYaml(owner)}`,
  };
}
