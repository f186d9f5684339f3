/** An example service as the tests reach it: its API path and its overlays in the GitOps repo. */
export type ExampleService = {
  apiPath: string;
  overlay: (env: string) => string;
};
