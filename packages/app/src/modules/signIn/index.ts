import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { SignInPageBlueprint } from '@backstage/plugin-app-react';

/** Replaces the app's default sign-in page (guest only) with one that can offer demo users. */
const signInPage = SignInPageBlueprint.make({
  params: {
    loader: async () =>
      import('./StagelineSignInPage').then(m => m.StagelineSignInPage),
  },
});

export const signInModule = createFrontendModule({
  pluginId: 'app',
  extensions: [signInPage],
});
