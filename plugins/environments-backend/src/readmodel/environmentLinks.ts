import { fillUrlTemplate, type UrlTemplateValues } from '../config/urlTemplate';
import type { LinkTemplate } from '../config/Environment';
import { linkAppliesTo } from '../config/readLinksConfig';

/**
 * The configured links that apply to one environment, in config order, with its values filled
 * in. A link whose template uses a value the environment lacks (no cluster) is left out.
 */
export function environmentLinks(
  templates: LinkTemplate[],
  values: UrlTemplateValues & { environment: string },
): Array<{ title: string; url: string }> {
  return templates.flatMap(template => {
    if (!linkAppliesTo(template, values.environment)) return [];
    const url = fillUrlTemplate(template.url, values);
    return url ? [{ title: template.title, url }] : [];
  });
}
