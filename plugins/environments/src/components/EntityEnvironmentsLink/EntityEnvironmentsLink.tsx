import type { ReactNode } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useEnvironmentsTabPath } from '../../hooks/useEnvironmentsTabPath';

/**
 * A link to an entity's Environments tab, or to one promotion's detail view there.
 *
 * @public
 */
export const EntityEnvironmentsLink = (props: {
  /** The entity, as a ref string (`component:default/checkout`) or its parts. */
  entityRef: string | CompoundEntityRef;
  /** Link to this promotion's detail view rather than the tab. */
  promotionId?: string;
  children: ReactNode;
}) => {
  const tabPath = useEnvironmentsTabPath();
  return (
    <Link to={tabPath(props.entityRef, props.promotionId)}>
      {props.children}
    </Link>
  );
};
