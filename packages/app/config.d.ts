export interface Config {
  /** Settings of the Stageline demo app. */
  stageline?: {
    /**
     * Offers sign-in as these example catalog users (names in the default namespace) next to
     * the guest, through the backend's development-only `testUsers` auth provider. Only the
     * demo's app-config.e2e.yaml sets it; never set it in production.
     * @visibility frontend
     */
    demoSignIn?: {
      /**
       * @visibility frontend
       */
      users?: string[];
    };
  };
}
