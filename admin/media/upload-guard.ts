/**
 * Uploads in the CMS follow the project's upload rules (src/schema/uploads.ts: allowed types, size
 * limit, file names) before anything is sent: a refused file gets a Dutch message naming the rule
 * (and the limit), and Decap never sees it. The local backend and the build check the same rules
 * again; this check only spares the editor a round trip and a vague error.
 *
 * Decap's media library reads the chosen file in a React change (or drop) handler; this listener
 * runs before it (capture phase on window) and stops the event when the file is refused.
 */
import { uploadProblem } from '../../src/schema/uploads.ts';

/** The first refusal among `files`, in Dutch, or undefined when all may be uploaded. */
export function refusedUpload(files: ArrayLike<File>): string | undefined {
  for (const file of Array.from(files)) {
    // Covers and images in the text share the general rules here; the stricter cover rule (no GIF) is the build's.
    const problem = uploadProblem(file.name, file.size, 'public');
    if (problem) return problem.nl;
  }
  return undefined;
}

export function installUploadGuard(target: Window = window): void {
  const refuse = (event: Event, files: ArrayLike<File> | null | undefined, reset?: () => void) => {
    const message = files && refusedUpload(files);
    if (!message) return;
    event.stopImmediatePropagation();
    event.preventDefault();
    reset?.();
    // Decap reports its own upload refusals (file too large) the same way.
    target.alert(message);
  };
  target.addEventListener(
    'change',
    (event) => {
      const input = event.target;
      if (input instanceof HTMLInputElement && input.type === 'file')
        refuse(event, input.files, () => (input.value = ''));
    },
    true,
  );
  target.addEventListener('drop', (event) => refuse(event, (event as DragEvent).dataTransfer?.files), true);
}
