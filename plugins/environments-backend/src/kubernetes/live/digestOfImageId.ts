const SHA256 = /sha256:[0-9a-f]{64}/;

/**
 * The `sha256:...` digest in a container status `imageID`, whatever the runtime prefixes it with
 * (`docker-pullable://repo@sha256:...`, `repo@sha256:...`, `sha256:...`).
 */
export function digestOfImageId(
  imageId: string | undefined,
): string | undefined {
  return imageId ? SHA256.exec(imageId)?.[0] : undefined;
}
