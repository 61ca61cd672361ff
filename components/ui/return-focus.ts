// Where focus goes when a dialog closes (WCAG 2.4.3): back to the control that opened it; when
// that control is gone (the row it stood in was removed) or disabled, to the first control left
// in the nearest part of the page that still stands, at most the page's <main> itself.

const focusable = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The opener and its ancestors up to <main>, remembered when the dialog opens. */
export function focusPath(opener: Element | null): HTMLElement[] {
  const path: HTMLElement[] = [];
  for (let node = opener; node instanceof HTMLElement; node = node.parentElement) {
    path.push(node);
    if (node.tagName === 'MAIN') break;
  }
  return path;
}

function focusNearest(path: HTMLElement[]): HTMLElement | null {
  const [opener, ...ancestors] = path;
  let target: HTMLElement | null = opener?.isConnected && opener.matches(focusable) ? opener : null;
  for (const node of ancestors) {
    if (target) break;
    if (node.isConnected) target = node.tagName === 'MAIN' ? node : node.querySelector<HTMLElement>(focusable);
  }
  target ??= document.querySelector<HTMLElement>('main');
  target?.focus();
  return target;
}

/**
 * Focuses the nearest of `path`; and, while the page is still being refreshed after the dialog's
 * action, again when the control focused is removed (focus would fall to the body) — unless the
 * user has moved on.
 */
export function returnFocus(path: HTMLElement[]) {
  let focused = focusNearest(path);
  const observer = new MutationObserver(() => {
    if (focused && !focused.isConnected && document.activeElement === document.body) focused = focusNearest(path);
  });
  const stop = () => (observer.disconnect(), document.removeEventListener('focusin', moved));
  const moved = (event: FocusEvent) => event.target !== focused && stop();
  observer.observe(document.body, { childList: true, subtree: true });
  document.addEventListener('focusin', moved);
  setTimeout(stop, 3000);
}
