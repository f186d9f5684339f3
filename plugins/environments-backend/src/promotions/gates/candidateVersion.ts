import {
  type EnvironmentState,
  type ImageReference,
  shortDigest,
  shortVersion,
} from '@stageline/plugin-environments-common';
import { sourceLiveProblem } from './sourceLiveProblem';

type Candidate = { version?: ImageReference; reason: string };

// The tag alone (a commit SHA shortened to 7), or the name when untagged.
function tagOf(image: ImageReference): string {
  return shortVersion({ name: image.name, tag: image.tag });
}

/**
 * The version an environment can promote: the one it both declares in Git and runs, with
 * exactly one digest reported by its pods, equal to the declared digest when the overlay pins
 * one. Otherwise no version, and why not.
 */
export function candidateVersion(source: EnvironmentState): Candidate {
  const { name } = source;
  const unknown = sourceLiveProblem(source);
  if (unknown) return { reason: `${name} digest unknown: ${unknown}` };
  const declared = source.desired?.image;
  if (!declared) {
    const gitError = source.errors.find(e => e.source === 'git');
    return {
      reason: gitError
        ? `${name}: the declared version could not be read from Git (${gitError.message})`
        : `${name} declares no image in its overlay`,
    };
  }
  const running = source.live!.image;
  if (!running) return { reason: `${name}: the running image is unknown` };
  if (running.name !== declared.name) {
    return {
      reason: `${name} declares ${declared.name} but runs ${running.name}`,
    };
  }
  // A pinned digest decides; some kustomize versions drop the tag when they pin one.
  const samePin = !!declared.digest && running.digest === declared.digest;
  if (!samePin && running.tag !== declared.tag) {
    return {
      reason: `${name} declares ${tagOf(declared)} but runs ${tagOf(running)}`,
    };
  }
  return withDigest(source, declared);
}

function withDigest(
  source: EnvironmentState,
  declared: ImageReference,
): Candidate {
  const { name } = source;
  const { digests, image: running } = source.live!;
  if (digests.length === 0) {
    return { reason: `${name} digest unknown: no pod reports an image digest` };
  }
  if (digests.length > 1) {
    const rolling =
      source.live!.rollout === 'progressing' ||
      source.live!.rollout === 'paused';
    return {
      reason: rolling
        ? `${name} runs ${digests.length} digests while rolling out`
        : `${name} runs ${digests.length} digests of ${tagOf(
            declared,
          )} although nothing is rolling out: the tag was moved in the registry`,
    };
  }
  const [digest] = digests;
  const pinned = declared.digest ?? running?.digest;
  if (pinned && pinned !== digest) {
    return {
      reason: `${name} declares digest ${shortDigest(
        pinned,
      )} but its pods run ${shortDigest(digest)}`,
    };
  }
  const version: ImageReference = {
    name: declared.name,
    ...(declared.tag !== undefined && { tag: declared.tag }),
    digest,
  };
  return {
    version,
    reason: `${name} declares and runs ${shortVersion(version)}`,
  };
}
