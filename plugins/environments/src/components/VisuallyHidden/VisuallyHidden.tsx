import type { ReactNode } from 'react';

// The usual clip pattern: read by screen readers and copied with the text, never seen.
const hidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/** Text for assistive technology only: what sighted users get from an icon or a tooltip. */
export const VisuallyHidden = ({ children }: { children: ReactNode }) => (
  <span style={hidden}>{children}</span>
);
