/** A promotion or rollback into a service's production environment, as the metrics need it. */
export type ProductionChange = {
  entityRef: string;
  kind: 'promotion' | 'rollback';
  state: string;
  createdAt: Date;
  finishedAt?: Date;
  /** When the version's source commit was made, when known. */
  sourceCommitAt?: Date;
};
