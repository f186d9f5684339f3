import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type {
  ApprovalRequest,
  ImageReference,
  Promotion,
} from '@stageline/plugin-environments-common';
import {
  formatImageReference,
  parseImageReference,
  sameImageReference,
} from '@stageline/plugin-environments-common';
import { errorMessage } from '../errors/errorMessage';
import type { EnvironmentsService } from '../readmodel/EnvironmentsService';

/**
 * Checks that a decision is about what the approver was shown: the promotion's version and what
 * the target overlay declared (its base). Both can move after they looked: the engine follows
 * the source while approvals are gathered, and anyone with write access may change the overlay.
 * The base is the target's declared image, not the repository's commit, which moves with every
 * other service's change. Returns the version decided on; the store records the decision
 * against it atomically, which closes the window between this check and the write.
 */
export async function checkApproverView(
  environments: EnvironmentsService,
  promotion: Promotion,
  shown: Pick<ApprovalRequest, 'version' | 'targetBase'>,
  credentials: BackstageCredentials,
): Promise<ImageReference> {
  const version = parseShown('version', shown.version);
  const base =
    shown.targetBase === null
      ? undefined
      : parseShown('targetBase', shown.targetBase);
  if (!sameReference(version, promotion.version)) {
    throw new ConflictError(
      `Promotion ${promotion.id} is now for ${formatImageReference(
        promotion.version,
      )}, not ${
        shown.version
      } that you were shown: look at the new version before deciding`,
    );
  }
  const { response } = await environments.readChain(promotion.entityRef, {
    credentials,
  });
  const target = response.environments.find(e => e.name === promotion.target);
  if (!target) {
    throw new ConflictError(
      `${promotion.target} is no longer in the chain of ${promotion.entityRef}`,
    );
  }
  if (!target.desired) {
    const reasons = target.errors
      .filter(e => e.source === 'git')
      .map(e => e.message);
    throw new ServiceUnavailableError(
      `What ${promotion.target} declares cannot be read now, so the decision cannot be checked ` +
        `against what you were shown${
          reasons.length ? `: ${reasons.join('; ')}` : ''
        }`,
    );
  }
  const current = target.desired.image;
  if (!sameReference(current, base)) {
    throw new ConflictError(
      `${promotion.target} now declares ${describe(current)}, not ${describe(
        base,
      )} that you were shown, for promotion ${
        promotion.id
      } of ${formatImageReference(
        promotion.version,
      )}: look again before deciding`,
    );
  }
  return version;
}

function parseShown(field: string, value: string): ImageReference {
  try {
    return parseImageReference(value);
  } catch (error) {
    throw new InputError(`Invalid ${field}: ${errorMessage(error)}`);
  }
}

/** Exactly equal: name, tag and digest. What was shown is compared, not what runs the same bits. */
function sameReference(
  a: ImageReference | undefined,
  b: ImageReference | undefined,
): boolean {
  if (!a || !b) return a === b;
  return sameImageReference(a, b);
}

function describe(image: ImageReference | undefined): string {
  return image ? formatImageReference(image) : 'no image';
}
