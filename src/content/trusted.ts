/**
 * Only a person's input counts: a page script's synthetic click() or dispatched event has
 * isTrusted false, and is ignored. So is a click on a control the page has distorted, by styling
 * an ancestor of our host (which our closed shadow root cannot stop): enlarged or shrunk by a
 * transform, made see-through or given a transparent colour, it is not what the person meant to
 * press (issue 20).
 */
export function trusted<E extends Event>(
  handler: (event: E) => void,
  options: { preventDefault?: boolean } = { preventDefault: true },
) {
  return (event: E) => {
    if (options.preventDefault) event.preventDefault();
    if (event.isTrusted && asDrawn(event.currentTarget as Element)) handler(event);
  };
}

function asDrawn(control: Element): boolean {
  // Our colours are the page's text colour: a page can make it transparent.
  if (/^rgba\(.*, 0\)$/.test(getComputedStyle(control).color)) return false;
  const shown = control.getBoundingClientRect();
  const laidOut = (control as HTMLElement).offsetWidth;
  if (laidOut && Math.abs(Math.log(shown.width / laidOut)) > 0.4) return false;
  let opacity = 1;
  for (let el: Element | null = control; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const own = parseFloat(getComputedStyle(el).opacity);
    if (own >= 0) opacity *= own;
  }
  return opacity > 0.5;
}
