import { LabelSelectorError } from './LabelSelectorError';
import type { LabelRequirement } from './LabelRequirement';

// Same grammar as the API server: optional DNS-subdomain prefix, then a 63-character name.
const KEY =
  /^(?:[a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const VALUE = /^(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$/;
const SET = /^(\S+)\s+(in|notin)\s*\((.*)\)$/;
const EQUALITY = /^([^\s=!]+)\s*(==|=|!=)\s*(\S*)$/;

/**
 * Parses a label selector (`a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`,
 * comma = AND). An empty selector selects everything.
 *
 * @throws LabelSelectorError naming the requirement that is invalid.
 *
 * @public
 */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  if (selector.trim() === '') return [];
  return splitRequirements(selector).map(parseRequirement);
}

// Commas inside `in (...)` belong to the value set, not to the AND.
function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selector.slice(start).trim());
  return parts;
}

function parseRequirement(part: string): LabelRequirement {
  const set = SET.exec(part);
  if (set) {
    const values = set[3].trim() ? set[3].split(',').map(v => v.trim()) : [];
    return check(part, {
      key: set[1],
      operator: set[2] as 'in' | 'notin',
      values,
    });
  }
  const equality = EQUALITY.exec(part);
  if (equality) {
    return check(part, {
      key: equality[1],
      operator: equality[2] === '!=' ? 'notin' : 'in',
      values: [equality[3]],
    });
  }
  if (part.startsWith('!')) {
    return check(part, {
      key: part.slice(1).trim(),
      operator: 'doesnotexist',
      values: [],
    });
  }
  return check(part, { key: part, operator: 'exists', values: [] });
}

function check(part: string, requirement: LabelRequirement): LabelRequirement {
  if (!KEY.test(requirement.key)) {
    throw new LabelSelectorError(
      `invalid label selector requirement '${part}': bad key`,
    );
  }
  const badValue = requirement.values.find(v => !VALUE.test(v));
  if (badValue !== undefined) {
    throw new LabelSelectorError(
      `invalid label selector requirement '${part}': bad value '${badValue}'`,
    );
  }
  if (
    (requirement.operator === 'in' || requirement.operator === 'notin') &&
    requirement.values.length === 0
  ) {
    throw new LabelSelectorError(
      `invalid label selector requirement '${part}': no values`,
    );
  }
  return requirement;
}
