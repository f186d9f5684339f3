import { isScalar, parse, Scalar } from 'yaml';
import { KustomizationError } from './KustomizationError';

const STR_TAG = 'tag:yaml.org,2002:str';

/**
 * Longest value read from an `images` field. Names have at most 255 characters, tags 128 and
 * digests 135; the cap keeps a hostile value out of error messages and away from the YAML 1.1
 * reparse below.
 */
const FIELD_MAX_LENGTH = 512;

/**
 * The string value of one `images[i].<field>` node. Refuses values that any YAML parser on the
 * way (ours in 1.2, kustomize's Go parsers in 1.1) could read as something other than the text
 * written, e.g. `newTag: 1.10` (the number 1.1) or `newTag: on` (true in YAML 1.1).
 */
export function readImageField(node: unknown, path: string): string {
  const field = path.slice(path.lastIndexOf('.') + 1);
  if (!isScalar(node)) {
    throw new KustomizationError(`${path} must be a string`);
  }
  if (node.value === null && !node.source) {
    throw new KustomizationError(`${path} is empty`);
  }
  const length = String(node.source ?? node.value).length;
  if (length > FIELD_MAX_LENGTH) {
    throw new KustomizationError(
      `${path} is ${length} characters long; image names, tags and digests are at most ${FIELD_MAX_LENGTH}`,
    );
  }
  const readAs = nonStringReading(node);
  if (readAs) {
    throw new KustomizationError(
      `${path}: ${node.source} is read as ${readAs}, not as text; quote it: ${field}: "${node.source}"`,
    );
  }
  return node.value as string;
}

function nonStringReading(node: Scalar): string | undefined {
  if (typeof node.value !== 'string') return describe(node.value);
  const explicitlyText = node.type !== Scalar.PLAIN || node.tag === STR_TAG;
  if (explicitlyText) return undefined;
  const yaml11 = parse(String(node.source), { version: '1.1' });
  return typeof yaml11 === 'string'
    ? undefined
    : `${describe(yaml11)} by YAML 1.1 parsers such as kustomize's`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'number' || typeof value === 'boolean') {
    return `the ${typeof value} ${value}`;
  }
  return `a ${typeof value}`;
}
