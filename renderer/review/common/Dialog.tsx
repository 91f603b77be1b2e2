import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react';

/**
 * Opens a native <dialog> modally for as long as the component is mounted: the browser traps
 * focus, makes the page behind it inert and reports Esc (and, if asked, a click on the
 * backdrop) through onClose. Focus goes back to whatever had it before, so keyboard users land
 * where they were. Returns the ref to put on the <dialog>.
 */
export function useModalDialog(onClose: () => void, opts: { closeOnBackdrop?: boolean } = {}): RefObject<HTMLDialogElement | null> {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const closeOnBackdrop = opts.closeOnBackdrop ?? false;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const cancel = (e: Event) => {
      e.preventDefault();
      onCloseRef.current();
    };
    const backdrop = (e: MouseEvent) => {
      if (e.target === dialog) onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    if (closeOnBackdrop) dialog.addEventListener('click', backdrop);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.removeEventListener('click', backdrop);
      if (dialog.open) dialog.close();
      opener?.focus({ preventScroll: true });
    };
  }, [closeOnBackdrop]);

  return ref;
}

/** A modal dialog with a title and a close button (see useModalDialog). */
export function Dialog({ title, onClose, children, wide = false, describedBy }: { title: string; onClose(): void; children: ReactNode; wide?: boolean; describedBy?: string }) {
  const ref = useModalDialog(onClose);
  const titleId = useId();

  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-labelledby={titleId} aria-describedby={describedBy}>
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet dialog__close" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
