/**
 * Only a person's input counts: a page script's synthetic click() or dispatched event has
 * isTrusted false, and is ignored.
 */
export function trusted<E extends Event>(
  handler: (event: E) => void,
  options: { preventDefault?: boolean } = { preventDefault: true },
) {
  return (event: E) => {
    if (options.preventDefault) event.preventDefault();
    if (event.isTrusted) handler(event);
  };
}
