/**
 * The inputs Stageline sends when it dispatches a promotion workflow (workflow-dispatch mode).
 * A workflow must declare exactly these, and put `${{ inputs.promotion_id }}` in its `run-name`
 * so Stageline can find the run it started.
 *
 * @public
 */
export const WORKFLOW_DISPATCH_INPUTS = [
  'environment',
  'image',
  'digest',
  'promotion_id',
] as const;

/**
 * One input of a promotion workflow.
 *
 * @public
 */
export type WorkflowDispatchInput = (typeof WORKFLOW_DISPATCH_INPUTS)[number];
