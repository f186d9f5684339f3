import { type ReactNode, startTransition, useId, useState } from 'react';
import Button from '@material-ui/core/Button';
import ExpandLess from '@material-ui/icons/ExpandLess';
import ExpandMore from '@material-ui/icons/ExpandMore';

/**
 * A "Details" button that shows and hides more text in place: details on demand that a keyboard
 * and a screen reader reach like anything else (a tooltip is neither).
 */
export const DetailsToggle = (props: {
  /** Names what the details are about, for screen readers: "Details of staging". */
  label: string;
  children: ReactNode;
}) => {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <Button
        size="small"
        aria-expanded={open}
        aria-controls={id}
        aria-label={props.label}
        startIcon={open ? <ExpandLess /> : <ExpandMore />}
        // A transition, so content that loads lazily keeps the page instead of a spinner.
        onClick={() => startTransition(() => setOpen(!open))}
      >
        Details
      </Button>
      <div id={id} hidden={!open}>
        {open && props.children}
      </div>
    </div>
  );
};
