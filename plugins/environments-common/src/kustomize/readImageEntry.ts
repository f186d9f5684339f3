import { isMap, isScalar } from 'yaml';
import { digestProblem } from '../images/digestProblem';
import { imageNameProblem } from '../images/imageNameProblem';
import { isValidTag } from '../images/isValidTag';
import type { KustomizeImage } from './KustomizeImage';
import { KustomizationError } from './KustomizationError';
import { readImageField } from './readImageField';

const FIELDS = ['name', 'newName', 'newTag', 'digest'] as const;
type Field = (typeof FIELDS)[number];

/** Reads and validates `images[index]`. */
export function readImageEntry(node: unknown, index: number): KustomizeImage {
  const at = `images[${index}]`;
  if (!isMap(node)) throw new KustomizationError(`${at} must be a mapping`);
  const entry: Partial<Record<Field, string>> = {};
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!FIELDS.includes(key as Field)) {
      const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
      throw new KustomizationError(
        `${at} has the field '${shown}', which Stageline does not support; use name, newName, newTag and digest`,
      );
    }
    entry[key as Field] = readImageField(pair.value, `${at}.${key}`);
  }
  if (entry.name === undefined) {
    throw new KustomizationError(`${at} has no 'name'`);
  }
  const problem = entryProblem(entry);
  if (problem) throw new KustomizationError(`${at}: ${problem}`);
  return entry as KustomizeImage;
}

function entryProblem(entry: Partial<Record<Field, string>>) {
  if (entry.newTag !== undefined && !isValidTag(entry.newTag)) {
    return `newTag '${entry.newTag}' must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`;
  }
  return (
    imageNameProblem(entry.name!) ??
    (entry.newName === undefined
      ? undefined
      : imageNameProblem(entry.newName)) ??
    (entry.digest === undefined ? undefined : digestProblem(entry.digest))
  );
}
