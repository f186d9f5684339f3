// The parts of the environments API's answers the tests read (the plugin's wire types, trimmed).

/** A version as the API writes it. */
export type ApiImage = { name: string; tag?: string; digest?: string };

/** One promotion. */
export type ApiPromotion = {
  id: string;
  state: string;
  source?: string;
  target: string;
  version: ApiImage;
  requestedBy: string;
  links: { commit?: { sha: string } };
};

/** `GET /promotions/:id`: the promotion with its audit trail. */
export type ApiPromotionDetail = ApiPromotion & {
  events: { actor: string; action: string; result: string }[];
};

/** One environment of `GET /entities/:kind/:namespace/:name/environments`. */
export type ApiEnvironment = {
  name: string;
  sync: { status: string; reason: string };
  desired?: { image?: ApiImage };
  /** The GitOps agent (Argo CD Application or Flux Kustomization) applying its overlay. */
  agent?: {
    kind: string;
    name: string;
    sync: string;
    appliedRevision?: string;
  };
  promotion?: { inFlight?: ApiPromotion };
};
