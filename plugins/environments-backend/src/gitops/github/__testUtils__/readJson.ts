/** The JSON body of a request, or an empty object when it has none or it does not parse. */
export async function readJson(
  request: Request,
): Promise<Record<string, unknown>> {
  try {
    const body = await request.clone().json();
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {};
  }
}
