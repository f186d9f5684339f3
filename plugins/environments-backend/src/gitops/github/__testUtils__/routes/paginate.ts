import type { RouteResult } from '../StandInRoute';

/** One page of `items` as GitHub pages lists (`per_page` up to 100, `page` from 1, Link header). */
export function paginate(
  url: URL,
  items: unknown[],
  defaultPerPage = 30,
): RouteResult {
  const perPage = Math.min(
    100,
    Number(url.searchParams.get('per_page') ?? defaultPerPage),
  );
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (p: number, rel: string) => {
    const next = new URL(url);
    next.searchParams.set('page', String(p));
    return `<${next}>; rel="${rel}"`;
  };
  const links = [
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : []),
  ];
  return {
    status: 200,
    body: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length ? { link: links.join(', ') } : {},
  };
}
