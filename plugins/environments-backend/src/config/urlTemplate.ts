import { z } from 'zod/v3';

/**
 * The placeholders a URL template may hold, filled per environment: the URLs of
 * `environments.links` and an environment's `verification.url`.
 */
export const URL_PLACEHOLDERS = [
  'namespace',
  'service',
  'environment',
  'cluster',
] as const;

/** One placeholder name of a URL template. */
export type UrlPlaceholder = (typeof URL_PLACEHOLDERS)[number];

/** What a URL template is filled with; a missing value leaves the URL out. */
export type UrlTemplateValues = Partial<Record<UrlPlaceholder, string>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Every `{name}` of a template, in order, known or not. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map(match => match[1]);
}

/**
 * Why a URL template is unusable, or undefined when it is fine: an unknown placeholder, a stray
 * brace, or something other than an http(s) URL without credentials once filled.
 */
export function urlTemplateProblem(template: string): string | undefined {
  const unknown = placeholdersOf(template).filter(
    name => !(URL_PLACEHOLDERS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    return `unknown placeholder {${unknown[0]}}; use ${URL_PLACEHOLDERS.map(
      p => `{${p}}`,
    ).join(', ')}`;
  }
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) {
    return 'has a "{" or "}" outside a placeholder';
  }
  // Sample values stand for any environment: what the template fixes must make the URL valid.
  const sample = Object.fromEntries(URL_PLACEHOLDERS.map(p => [p, 'x']));
  if (!fillUrlTemplate(template, sample)) {
    return 'must be an http(s) URL without credentials, e.g. https://grafana.example.com/d/app?var-namespace={namespace}';
  }
  return undefined;
}

/** A config value that is a URL template, refused with {@link urlTemplateProblem}'s reason. */
export const urlTemplateSchema = z
  .string()
  .max(2000)
  .superRefine((template, ctx) => {
    const problem = urlTemplateProblem(template);
    if (problem) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    }
  });

/**
 * The template with each placeholder replaced by its URL-encoded value, so a value can never
 * change the URL's scheme, host or structure. Undefined when a value it uses is missing or the
 * result is not an http(s) URL without credentials.
 */
export function fillUrlTemplate(
  template: string,
  values: UrlTemplateValues,
): string | undefined {
  let missing = false;
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = values[name as UrlPlaceholder];
    if (value === undefined) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  if (missing) return undefined;
  return isPlainHttpUrl(filled) ? filled : undefined;
}

function isPlainHttpUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === ''
  );
}
