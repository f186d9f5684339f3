import { Content, Header, Page } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

/** Why signing in as the chosen demo user failed, and a way back to the choice. */
export const SignInFailed = (props: {
  user: string;
  error?: Error;
  onBack: () => void;
}) => (
  <Page themeId="home">
    <Header title="Sign-in failed" />
    <Content>
      <Typography role="alert" variant="body1" paragraph>
        Signing in as {props.user} failed:{' '}
        {props.error?.message ?? 'unknown error'}
      </Typography>
      <Button color="primary" variant="outlined" onClick={props.onBack}>
        Choose another user
      </Button>
    </Content>
  </Page>
);
