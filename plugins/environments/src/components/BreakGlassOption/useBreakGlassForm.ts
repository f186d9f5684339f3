import { type RefObject, useRef, useState } from 'react';
import {
  type BreakGlassProblems,
  breakGlassProblems,
} from './breakGlassProblems';

/** The state of a request form's break-glass option and its checks. */
export type BreakGlassForm = {
  checked: boolean;
  setChecked: (checked: boolean) => void;
  incident: string;
  setIncident: (incident: string) => void;
  /** What to show on the fields for the reason typed now: nothing until the user tried to send. */
  shown: (reason: string) => BreakGlassProblems;
  incidentRef: RefObject<HTMLInputElement>;
  /**
   * Before sending: undefined when the request may go. Otherwise shows the problems, moves focus
   * to the first field to fix (a screen reader then reads it with its message) and returns that
   * message, to announce.
   */
  check: (
    reason: string,
    reasonField: HTMLElement | null,
  ) => string | undefined;
  /** The request's `breakGlass`, when the option is ticked. */
  body: () => { breakGlass: { incident: string } } | {};
};

/** Break-glass state for a promote or rollback form; the reason stays the form's own field. */
export function useBreakGlassForm(): BreakGlassForm {
  const [checked, setChecked] = useState(false);
  const [incident, setIncident] = useState('');
  const [tried, setTried] = useState(false);
  const incidentRef = useRef<HTMLInputElement>(null);
  return {
    checked,
    setChecked,
    incident,
    setIncident,
    shown: reason =>
      checked && tried ? breakGlassProblems(incident, reason) : {},
    incidentRef,
    check: (reason, reasonField) => {
      if (!checked) return undefined;
      setTried(true);
      const problems = breakGlassProblems(incident, reason);
      if (problems.incident) incidentRef.current?.focus();
      else if (problems.reason) reasonField?.focus();
      return problems.incident ?? problems.reason;
    },
    body: () => (checked ? { breakGlass: { incident: incident.trim() } } : {}),
  };
}
