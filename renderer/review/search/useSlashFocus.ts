import { useEffect, type RefObject } from 'react';

/** Whether a key press belongs to something the user is typing in, so a shortcut must leave it alone. */
export function isTypingTarget(target: { tagName?: string; isContentEditable?: boolean } | null): boolean {
  if (!target) return false;
  const tag = (target.tagName ?? '').toLowerCase();
  return target.isContentEditable === true || tag === 'input' || tag === 'textarea' || tag === 'select';
}

/** `/` anywhere on the screen (outside a text field) moves focus to the search box, as in most review tools. */
export function useSlashFocus(input: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      if (isTypingTarget(e.target as HTMLElement | null)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [input]);
}
