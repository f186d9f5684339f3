export { BreakGlassOption, BREAK_GLASS_LABEL } from './BreakGlassOption';
export { BreakGlassReasonFields } from './BreakGlassReasonFields';
export { breakGlassProblems } from './breakGlassProblems';
export type { BreakGlassProblems } from './breakGlassProblems';
export { useBreakGlassForm } from './useBreakGlassForm';
export type { BreakGlassForm } from './useBreakGlassForm';
