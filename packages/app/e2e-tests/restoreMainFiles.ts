import { commitToMain } from './commitToMain';
import { readMainFile } from './readMainFile';

/** Puts files on main back to the given texts, in one commit; no commit when none changed. */
export function restoreMainFiles(
  saved: Record<string, string>,
  message: string,
): void {
  const changed = Object.keys(saved).filter(
    path => readMainFile(path) !== saved[path],
  );
  if (changed.length === 0) return;
  commitToMain(
    Object.fromEntries(changed.map(path => [path, () => saved[path]])),
    message,
  );
}
