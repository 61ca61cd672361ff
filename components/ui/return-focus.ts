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

export function returnFocus(path: HTMLElement[]) {
  const [opener, ...ancestors] = path;
  if (opener?.isConnected && opener.matches(focusable)) return opener.focus();
  for (const node of ancestors) {
    if (!node.isConnected) continue;
    const target = node.tagName === 'MAIN' ? node : node.querySelector<HTMLElement>(focusable);
    if (target) return target.focus();
  }
  document.querySelector<HTMLElement>('main')?.focus();
}
