import { describe, expect, it } from 'vitest';
import { dismissSuggestion, setTag } from '../../src/db/annotations';
import { recordSightings } from '../../src/db/papers';
import { formatRules, parseRules, stem, suggestByRules } from '../../src/shared/rules';
import { freshDb } from './db';
import { seedPapers } from './seed';

const RULES = [
  { tag: 'state space', phrases: ['state space model', 'SSM', 'HiPPO'] },
  { tag: 'interpretability', phrases: ['interpretable', 'sparse autoencoder'] },
];

describe('keyword rules', () => {
  it('folds case, accents and plurals', () => {
    expect(['Models', 'studies', 'boxes', 'class', 'Autoencoders', 'Déjà'].map(stem)).toEqual([
      'model',
      'study',
      'box',
      'class',
      'autoencoder',
      'deja',
    ]);
  });

  it('matches words and phrases in title and abstract, and says why', () => {
    const s4d = seedPapers().find((p) => p.id === '2206.11893')!;
    // Its abstract says "SSMs" (a plural) and "an interpretable mathematical mechanism".
    expect(suggestByRules(RULES, s4d)).toEqual([
      { tag: 'state space', why: ['state space model', 'SSM', 'HiPPO'] },
      { tag: 'interpretability', why: ['interpretable'] },
    ]);
    expect(suggestByRules(RULES, { title: 'Sparse Autoencoders find interpretable features' })).toEqual([
      { tag: 'interpretability', why: ['interpretable', 'sparse autoencoder'] },
    ]);
    expect(suggestByRules(RULES, { title: 'A space of states' })).toEqual([]);
  });

  it('leaves out tags the paper has and suggestions dismissed', () => {
    const paper = { title: 'Sparse autoencoders for SSM', tags: ['State Space'], dismissed: ['interpretability'] };
    expect(suggestByRules(RULES, paper)).toEqual([]);
  });

  it('reads and writes the options box, refusing lines it cannot read', () => {
    expect(parseRules('state space: state space model, SSM\n\ninterpretability : sparse  autoencoder')).toEqual({
      rules: [
        { tag: 'state space', phrases: ['state space model', 'SSM'] },
        { tag: 'interpretability', phrases: ['sparse autoencoder'] },
      ],
      errors: [],
    });
    expect(parseRules('no colon here\nempty:').errors).toHaveLength(2);
    expect(formatRules(RULES)).toBe(
      'state space: state space model, SSM, HiPPO\ninterpretability: interpretable, sparse autoencoder',
    );
  });

  it('puts suggestions in the states the worker returns, until accepted or dismissed', async () => {
    const db = freshDb();
    const [state] = await recordSightings(
      db,
      [{ id: '2206.11893', title: 'Diagonal State Space Models', authors: [] }],
      'https://a',
      1,
      undefined,
      RULES,
    );
    expect(state!.suggestions).toEqual([{ tag: 'state space', why: ['state space model'] }]);
    expect((await setTag(db, '2206.11893', 'state space', true, 2, '', RULES)).suggestions).toEqual([]);
    await setTag(db, '2206.11893', 'state space', false, 3, '', RULES);
    const dismissed = await dismissSuggestion(db, '2206.11893', 'state space', 4, '', RULES);
    expect(dismissed.suggestions).toEqual([]);
    const [again] = await recordSightings(
      db,
      [{ id: '2206.11893', title: 'Diagonal State Space Models', authors: [] }],
      'https://a',
      5,
      undefined,
      RULES,
    );
    expect(again!.suggestions).toEqual([]);
    expect((await db.papers.get('2206.11893'))?.dismissed).toEqual(['state space']);
  });
});
