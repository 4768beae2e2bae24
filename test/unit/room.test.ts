// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HOST_TAG } from '../../src/content/card';
import { ControlRoom } from '../../src/content/room';

const rules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules] as CSSStyleRule[]);

describe('the room reserved for controls', () => {
  it('pads the anchors by exactly what the controls that follow them take back', () => {
    document.adoptedStyleSheets = [];
    const room = new ControlRoom(document);
    expect(room.reserving).toBe(false);
    expect(rules()).toEqual([]);

    room.reserve('article h3');
    expect(room.reserving).toBe(true);
    const [anchors, controls] = rules();
    expect(anchors!.selectorText).toBe(':is(article h3)');
    expect(controls!.selectorText).toBe(`:is(article h3) + ${HOST_TAG}`);
    const padding = anchors!.style.getPropertyValue('padding-bottom');
    expect(padding).toMatch(/^calc\(/);
    expect(controls!.style.getPropertyValue('margin-top')).toBe(`calc(-1 * ${padding})`);
  });

  it('reserves nothing once the page has no anchors (navigated in place to another kind of page)', () => {
    document.adoptedStyleSheets = [];
    const room = new ControlRoom(document);
    room.reserve('article h3');
    room.reserve(undefined);
    expect(room.reserving).toBe(false);
    expect(rules()).toEqual([]);
  });
});
