import { InputError } from '@backstage/errors';
import { z as zod } from 'zod/v3';

type FieldFactories = Record<string, (z: typeof zod) => zod.ZodTypeAny>;
type Parsed<F extends FieldFactories> = {
  [K in keyof F]: zod.output<ReturnType<F[K]>>;
};

/**
 * Parses raw action input with the action's own field schemas, applying defaults. Every handler
 * starts here: the scaffolder validates input against the JSON Schema made from these fields
 * but never applies their zod defaults, so a field the template leaves out arrives undefined.
 * A handler can also be called directly, so it checks again and names the offending field.
 */
export function parseActionInput<F extends FieldFactories>(
  fields: F,
  input: unknown,
): Parsed<F> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, factory]) => [key, factory(zod)]),
  );
  const result = zod.object(shape).strict().safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue.path.join('.') || 'input';
    throw new InputError(`Input '${field}' is invalid: ${issue.message}`);
  }
  return result.data as Parsed<F>;
}
