import { SignInPage } from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  type SignInPageProps,
} from '@backstage/core-plugin-api';
import { DemoSignInPage } from './DemoSignInPage';

/**
 * The guest sign-in, as Backstage's default page offers it; with `stageline.demoSignIn.users`
 * configured (the demo's app-config.e2e.yaml only), also the example users.
 */
export const StagelineSignInPage = (props: SignInPageProps) => {
  const config = useApi(configApiRef);
  const users =
    config.getOptionalStringArray('stageline.demoSignIn.users') ?? [];
  if (users.length === 0) {
    return <SignInPage {...props} providers={['guest']} />;
  }
  return <DemoSignInPage {...props} users={users} />;
};
