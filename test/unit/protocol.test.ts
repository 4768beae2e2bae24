import { describe, expect, it } from 'vitest';
import { parsePush } from '../../src/shared/protocol';
import { parseRequest } from '../../src/shared/requests';

const paper = { id: '2407.21783', title: 'T', authors: ['A'] };

describe('parseRequest', () => {
  it.each([
    [{ type: 'paper/setRead', id: '2407.21783', read: true }],
    [{ type: 'paper/setSaved', id: 'hep-th/9901001', saved: false }],
    [{ type: 'listings/seen', pageUrl: 'https://huggingface.co/papers', papers: [paper] }],
    [
      {
        type: 'listings/seen',
        pageUrl: 'https://huggingface.co/papers',
        papers: [{ ...paper, abstract: 'x', version: 2, upvotes: 3 }],
      },
    ],
    [{ type: 'settings/get' }],
    [{ type: 'settings/set', patch: { readDisplay: { arxiv: 'hide' } } }],
    [
      {
        type: 'listings/seen',
        pageUrl: 'https://arxiv.org/abs/1706.03762',
        papers: [
          {
            ...paper,
            categories: ['cs.CL'],
            doi: '10.1/x',
            journalRef: 'NeurIPS',
            published: '2017-06-12',
            opened: true,
          },
        ],
      },
    ],
  ])('accepts %j', (message) => {
    expect(parseRequest(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    ['not an object', 'paper/setRead'],
    ['null', null],
    ['unknown type', { type: 'paper/delete', id: '2407.21783' }],
    ['missing field', { type: 'paper/setRead', id: '2407.21783' }],
    ['wrong field type', { type: 'paper/setRead', id: '2407.21783', read: 'yes' }],
    ['versioned id', { type: 'paper/setRead', id: '2407.21783v2', read: true }],
    ['id that is markup', { type: 'paper/setSaved', id: '<img src=x onerror=alert(1)>', saved: true }],
    ['extra field', { type: 'paper/setRead', id: '2407.21783', read: true, readAt: 0 }],
    ['bad page URL', { type: 'listings/seen', pageUrl: 'not a url', papers: [] }],
    [
      'paper without title',
      { type: 'listings/seen', pageUrl: 'https://a.b', papers: [{ id: '2407.21783', authors: [] }] },
    ],
    ['negative upvotes', { type: 'listings/seen', pageUrl: 'https://a.b', papers: [{ ...paper, upvotes: -1 }] }],
    ['unknown setting', { type: 'settings/set', patch: { evil: true } }],
    ['setting of wrong type', { type: 'settings/set', patch: { readDisplay: { arxiv: 'blur' } } }],
    ['setting for an unknown site', { type: 'settings/set', patch: { readDisplay: { example: 'dim' } } }],
    ['bad date', { type: 'listings/seen', pageUrl: 'https://a.b', papers: [{ ...paper, published: '12 June 2017' }] }],
    ['opened false', { type: 'listings/seen', pageUrl: 'https://a.b', papers: [{ ...paper, opened: false }] }],
  ])('refuses %s with a message', (_what, message) => {
    const result = parseRequest(message);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/malformed message/) });
  });

  it('refuses an oversized batch', () => {
    const papers = Array.from({ length: 5001 }, () => paper);
    expect(parseRequest({ type: 'listings/seen', pageUrl: 'https://a.b', papers }).ok).toBe(false);
  });

  it('takes how long papers only seen are kept as one of its choices, and the history requests bare', () => {
    expect(parseRequest({ type: 'settings/set', patch: { keepSeen: 'quarter' } }).ok).toBe(true);
    expect(parseRequest({ type: 'settings/set', patch: { keepSeen: 'a while' } }).ok).toBe(false);
    expect(parseRequest({ type: 'history/clearSeen' }).ok).toBe(true);
    expect(parseRequest({ type: 'history/clearSeen', olderThan: 0 }).ok).toBe(false);
  });
});

describe('parsePush', () => {
  it('accepts state, settings and suggestion pushes and refuses other kinds, missing parts and colours that are not colours', () => {
    expect(
      parsePush({
        type: 'states/changed',
        states: [{ id: '2407.21783', read: true, saved: false, tags: [], note: '', suggestions: [] }],
      }).ok,
    ).toBe(true);
    const settings = {
      readDisplay: { huggingface: 'show', arxiv: 'hide' },
      keyboard: true,
      rules: [],
      tagColors: { ml: '#10b981' },
      keepSeen: 'year',
    };
    expect(parsePush({ type: 'settings/changed', settings }).ok).toBe(true);
    expect(parsePush({ type: 'suggestions/changed' }).ok).toBe(true);
    // A push the page could not apply: the parts it reads are missing.
    expect(parsePush({ type: 'settings/changed', settings: { readDisplay: { huggingface: 'show' } } }).ok).toBe(false);
    expect(parsePush({ type: 'settings/changed' }).ok).toBe(false);
    expect(parsePush({ type: 'states/changed', states: [{ id: '2407.21783' }] }).ok).toBe(false);
    expect(parsePush({ type: 'states/changed', states: {} }).ok).toBe(false);
    // Colours become style values: only #rrggbb.
    expect(parsePush({ type: 'settings/changed', settings: { ...settings, tagColors: { x: 'red;}' } } }).ok).toBe(
      false,
    );
    // Other kinds, requests among them, and things that are not messages.
    expect(parsePush({ type: 'paper/setRead', id: '2407.21783', read: true }).ok).toBe(false);
    expect(parsePush(null).ok).toBe(false);
    expect(parsePush(['states/changed']).ok).toBe(false);
  });
});
