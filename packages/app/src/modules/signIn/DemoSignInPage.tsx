import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  ProxiedSignInPage,
} from '@backstage/core-components';
import type { SignInPageProps } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { forgetOnSignOut } from './forgetOnSignOut';
import { SignInFailed } from './SignInFailed';

/** Who signed in last, so a reload signs the same person in again. */
const CHOICE_KEY = 'stageline:demo-sign-in';
/** The backend's `testUsers` provider (development only) signs in the user this header names. */
const USER_HEADER = 'x-stageline-test-user';
const GUEST = 'guest';

/**
 * The demo's sign-in page: the guest, or one of the configured example users (to approve a
 * promotion someone else requested). Each choice signs in through the backend, which resolves
 * the catalog user and its groups; the choice is kept until sign-out.
 */
export const DemoSignInPage = (
  props: SignInPageProps & { users: string[] },
) => {
  const { onSignInSuccess, users } = props;
  const [chosen, setChosen] = useState(() => {
    const stored = localStorage.getItem(CHOICE_KEY);
    return stored === GUEST || (stored && users.includes(stored))
      ? stored
      : undefined;
  });
  const choose = (user: string) => {
    localStorage.setItem(CHOICE_KEY, user);
    setChosen(user);
  };
  const forget = () => localStorage.removeItem(CHOICE_KEY);

  if (chosen) {
    return (
      <ProxiedSignInPage
        provider={chosen === GUEST ? 'guest' : 'testUsers'}
        headers={chosen === GUEST ? undefined : { [USER_HEADER]: chosen }}
        onSignInSuccess={identity =>
          onSignInSuccess(forgetOnSignOut(identity, forget))
        }
        ErrorComponent={({ error }) => (
          <SignInFailed
            user={chosen}
            error={error}
            onBack={() => {
              forget();
              setChosen(undefined);
            }}
          />
        )}
      />
    );
  }

  return (
    <Page themeId="home">
      <Header title="Sign in to the Stageline demo" />
      <Content>
        <Grid container spacing={2}>
          <Grid item xs={12} sm={6} md={3}>
            <InfoCard
              title="Guest"
              variant="fullHeight"
              actions={
                <Button
                  color="primary"
                  variant="outlined"
                  onClick={() => choose(GUEST)}
                >
                  Enter
                </Button>
              }
            >
              <Typography variant="body1">
                An owner of checkout and a release manager.
              </Typography>
            </InfoCard>
          </Grid>
          {users.map(user => (
            <Grid item xs={12} sm={6} md={3} key={user}>
              <InfoCard
                title={user}
                variant="fullHeight"
                actions={
                  <Button
                    color="primary"
                    variant="outlined"
                    onClick={() => choose(user)}
                  >
                    Sign in as {user}
                  </Button>
                }
              >
                <Typography variant="body1">
                  The example user <code>user:default/{user}</code>.
                </Typography>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
};
