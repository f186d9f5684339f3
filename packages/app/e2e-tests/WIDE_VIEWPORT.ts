/**
 * Wide enough that the sidebar sits beside the page rather than over it, and the three
 * environment cards (one with a promotion in flight) fit on one row for the screenshots.
 */
export const WIDE_VIEWPORT = { width: 1760, height: 1000 };
