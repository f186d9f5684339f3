/** A version of the example service checkout: tag (its source commit) and image digest. */
export type CheckoutVersion = { tag: string; digest: string };
