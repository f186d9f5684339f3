/**
 * Moves focus to an element by id once React has rendered (and Material UI has finished putting
 * focus back after a dialog): where focus goes when the control that had it disappears.
 */
export function focusById(...ids: string[]): void {
  setTimeout(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        return;
      }
    }
  }, 0);
}
