/** The parts of an Octokit `RequestError` (name `HttpError`) Stageline reads. */
export type HttpErrorLike = Error & {
  status: number;
  response?: { headers: Record<string, string | undefined> };
};

/** Whether `error` is an Octokit request error (without depending on its package). */
export function isHttpError(error: unknown): error is HttpErrorLike {
  return (
    error instanceof Error &&
    error.name === 'HttpError' &&
    typeof (error as HttpErrorLike).status === 'number'
  );
}
