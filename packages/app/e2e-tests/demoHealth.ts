/**
 * The demo cluster's health endpoint of a service in an environment, which verification's HTTP
 * check calls (app-config.e2e.yaml): made healthy or unhealthy as a broken release would.
 */
export async function setDemoHealth(
  service: string,
  env: string,
  health: 'healthy' | 'unhealthy',
): Promise<void> {
  const res = await fetch(`http://127.0.0.1:7078/${service}/${env}/health`, {
    method: 'PUT',
    body: health,
  });
  if (!res.ok) {
    throw new Error(
      `Making ${service} ${health} in ${env} failed: ${
        res.status
      } ${await res.text()}`,
    );
  }
}
