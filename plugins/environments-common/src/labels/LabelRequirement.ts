/**
 * One requirement of a Kubernetes label selector; equality is `in` with one value.
 *
 * @public
 */
export type LabelRequirement = {
  key: string;
  operator: 'in' | 'notin' | 'exists' | 'doesnotexist';
  values: string[];
};
