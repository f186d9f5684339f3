import { expect, type Locator } from '@playwright/test';

/**
 * Focus is in the dialog: on an element inside it, or on the modal container around it (where
 * Material UI puts it on opening, so Tab starts at the dialog's first control).
 */
export async function expectFocusInDialog(dialog: Locator): Promise<void> {
  await expect
    .poll(() =>
      dialog.evaluate(element => {
        const active = document.activeElement;
        return (
          !!active &&
          active !== document.body &&
          (element.contains(active) || active.contains(element))
        );
      }),
    )
    .toBe(true);
}
