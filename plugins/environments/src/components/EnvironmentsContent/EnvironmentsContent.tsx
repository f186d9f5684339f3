import { useCallback, useEffect, useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { makeStyles } from '@material-ui/core/styles';
import { environmentsApiRef } from '../../api/EnvironmentsApi';
import { useCurrentUserRef } from '../../hooks/useCurrentUserRef';
import { useEnvironmentsPermissions } from '../../hooks/useEnvironmentsPermissions';
import { usePolledValue } from '../../hooks/usePolledValue';
import { isMoving } from '../../util/isMoving';
import { projectSlugOf } from '../../util/projectSlugOf';
import { Announcer } from '../Announcer';
import { HistoryTable } from '../HistoryTable';
import { PromotionDetailPage } from '../PromotionDetail';
import { PolledSection } from '../PolledSection';
import { PreviewsTable } from '../PreviewsTable';
import { PromotionChain } from '../PromotionChain';
import { UnacknowledgedBreakGlass } from '../UnacknowledgedBreakGlass';

const useStyles = makeStyles(theme => ({
  tab: {
    display: 'flex',
    flexDirection: 'column',
    gap: theme.spacing(4),
    // Never wider than the content area: narrow screens reflow instead of scrolling sideways.
    minWidth: 0,
    maxWidth: '100%',
  },
}));

/**
 * The tab's main view: the service's promotion chain, its previews and its promotion history,
 * refreshed every 10 s and right after each action.
 */
const EnvironmentsOverview = () => {
  const classes = useStyles();
  const { entity } = useEntity();
  const api = useApi(environmentsApiRef);
  const key = stringifyEntityRef(entity);
  const ref = getCompoundEntityRef(entity);
  const [moving, setMoving] = useState(false);
  const environments = usePolledValue(
    key,
    () => api.getEnvironments(ref),
    moving ? 2_000 : 10_000,
  );
  useEffect(
    () => setMoving(isMoving(environments.value)),
    [environments.value],
  );
  const previews = usePolledValue(key, () => api.getPreviews(ref));
  const promotions = usePolledValue(key, () => api.getPromotions(ref));
  const breakGlass = usePolledValue(key, () =>
    api.getUnacknowledgedBreakGlass(ref),
  );
  const permissions = useEnvironmentsPermissions(entity);
  const userRef = useCurrentUserRef();
  const projectSlug = projectSlugOf(entity);
  const { refresh: refreshEnvironments } = environments;
  const { refresh: refreshPreviews } = previews;
  const { refresh: refreshPromotions } = promotions;
  const { refresh: refreshBreakGlass } = breakGlass;
  const refreshAll = useCallback(() => {
    refreshEnvironments();
    refreshPreviews();
    refreshPromotions();
    refreshBreakGlass();
  }, [
    refreshEnvironments,
    refreshPreviews,
    refreshPromotions,
    refreshBreakGlass,
  ]);

  return (
    <Announcer>
      <div className={classes.tab}>
        {/* Only a reminder: when it cannot be read, the rest of the tab still says enough. */}
        <UnacknowledgedBreakGlass
          promotions={breakGlass.value?.promotions ?? []}
        />
        <PolledSection title="Promotion chain" polled={environments}>
          {value => (
            <PromotionChain
              environments={value.environments}
              permissions={permissions}
              userRef={userRef}
              projectSlug={projectSlug}
              onChanged={refreshAll}
            />
          )}
        </PolledSection>
        <PolledSection title="Previews" polled={previews}>
          {value => (
            <PreviewsTable
              previews={value.previews}
              errors={value.errors}
              mayManage={permissions.managePreviews}
              projectSlug={projectSlug}
              onChanged={refreshAll}
            />
          )}
        </PolledSection>
        <PolledSection title="History" polled={promotions}>
          {value => (
            <HistoryTable
              promotions={value.promotions}
              environments={environments.value?.environments ?? []}
              mayRollback={permissions.rollback}
              projectSlug={projectSlug}
              onChanged={refreshAll}
            />
          )}
        </PolledSection>
      </div>
    </Announcer>
  );
};

/**
 * The Environments tab: the chain, previews and history, and each promotion's detail view at
 * `promotions/:id` below the tab's path (the link notifications and history rows use).
 *
 * @public
 */
export const EnvironmentsContent = () => (
  <Routes>
    <Route path="/" element={<EnvironmentsOverview />} />
    <Route path="/promotions/:id" element={<PromotionDetailPage />} />
  </Routes>
);
