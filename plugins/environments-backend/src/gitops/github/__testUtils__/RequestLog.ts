/** One request the stand-in answered. */
export type LoggedRequest = {
  method: string;
  /**
   * Path and query below the API base URL, e.g. `/repos/acme/gitops/contents/a?ref=main`;
   * codeload downloads (where the tarball route redirects) as
   * `/_codeload/{owner}/{repo}/legacy.tar.gz/{sha}` (path only, whatever the codeload host).
   */
  path: string;
  status: number | 'network-error';
  authorization?: string;
  ifNoneMatch?: string;
};

/** Counts the stand-in's requests so tests can assert "no request" or "answered with 304". */
export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  get total(): number {
    return this.entries.length;
  }

  /** Requests answered with `status`, optionally only those whose path contains `pathPart`. */
  count(status?: LoggedRequest['status'], pathPart?: string): number {
    return this.entries.filter(
      e =>
        (status === undefined || e.status === status) &&
        (pathPart === undefined || e.path.includes(pathPart)),
    ).length;
  }

  byStatus(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const e of this.entries)
      counts[e.status] = (counts[e.status] ?? 0) + 1;
    return counts;
  }

  clear() {
    this.entries.length = 0;
  }
}
