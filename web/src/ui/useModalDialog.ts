import { useEffect, useRef } from 'react';

/**
 * Opens a <dialog> as a modal when it mounts and turns Escape (the dialog's cancel event) into
 * `onClose`. The native modal traps focus and makes the page behind it inert; where it is missing
 * (jsdom) the dialog is shown in place. Returns the ref to put on the <dialog>.
 */
export const useModalDialog = (onClose: () => void) => {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    const cancel = (e: Event) => {
      e.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', cancel);

    return () => dialog.removeEventListener('cancel', cancel);
  }, []);

  return ref;
};
