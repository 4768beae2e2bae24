// A synthetic 10,000-paper library for the benchmarks: titles and abstracts drawn from the real
// seed feed's words, 2,000 notes and 5,000 tag links. Deterministic (a fixed-seed generator).
import { readFileSync } from 'node:fs';

const seedText = readFileSync(new URL('../test/fixtures/seed/daily-papers-feed.txt', import.meta.url), 'utf8');
const vocabulary = [...new Set(seedText.toLowerCase().match(/[a-z]{3,}/g))];
const TAGS = [
  'interpretability',
  'state space',
  'peft',
  'llm',
  'data selection',
  'bayesian',
  'graph',
  'reading group',
  'to cite',
  'theory',
];

function random(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function library(count = 10_000) {
  const r = random(42);
  const pick = (n) => Array.from({ length: n }, () => vocabulary[Math.floor(r() * vocabulary.length)]).join(' ');
  const now = Date.parse('2026-11-01T00:00:00Z');
  const papers = [];
  let tagLinks = 0;
  for (let i = 0; i < count; i++) {
    const t = now - i * 60_000;
    const paper = {
      // 90,000 ids a month (2401.10000–2401.99999), then the next month.
      id: `${2401 + Math.floor(i / 90_000)}.${String(10000 + (i % 90_000))}`,
      title: pick(8).replace(/^./, (c) => c.toUpperCase()),
      authors: [pick(1), pick(1), pick(1)].map((w) => `${w[0].toUpperCase()}${w.slice(1)} ${pick(1)}`),
      abstract: pick(180),
      firstSeenAt: t,
      firstSeenUrl: 'https://huggingface.co/papers',
      lastSeenAt: t,
      updatedAt: t,
    };
    if (i % 3 === 0) Object.assign(paper, { savedAt: t, toReadSince: t });
    if (i % 5 === 0) {
      paper.readAt = t;
      delete paper.toReadSince;
    }
    if (i % 5 === 1) paper.note = `Note: ${pick(25)}`;
    if (tagLinks < 5_000 && i % 2 === 0) {
      paper.tags = [TAGS[i % TAGS.length]];
      tagLinks++;
    }
    papers.push(paper);
  }
  return papers;
}
