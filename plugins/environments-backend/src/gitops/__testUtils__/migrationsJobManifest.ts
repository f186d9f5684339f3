/**
 * A migrations Job manifest as a GitOps layout declares it, running `image`. Unlabelled, it is
 * found only because it runs the service's own image.
 */
export function migrationsJobManifest(
  image: string,
  options: { labelled?: boolean } = {},
): string {
  const labels =
    options.labelled === false
      ? ''
      : '  labels:\n    stageline.io/step: migrations\n';
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: checkout-migrate
${labels}spec:
  template:
    spec:
      containers:
        - name: migrate
          image: ${image}
`;
}
