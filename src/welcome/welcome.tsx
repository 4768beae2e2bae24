/** The first-run page, opened once when Papershelf is installed: what it does, where, and how. */
import icon from '../../assets/icon-128.png';
import { SiteAccessNotice } from '../grants/notices';
import { TRIAGE_KEYS } from '../shared/keys';

const SITES: [string, string, string][] = [
  [
    'https://huggingface.co/papers',
    'Hugging Face Daily Papers',
    'every day’s feed, week, month and trending, and each paper’s page',
  ],
  ['https://arxiv.org/list/cs.LG/new', 'arXiv listings', 'new, recent, past week and monthly lists of any category'],
  ['https://arxiv.org/search/', 'arXiv search', 'simple and advanced search results'],
  ['https://arxiv.org/abs/1706.03762', 'arXiv abstract pages', 'one paper, with its toggles under the title'],
];

const OPTIONS = '../options/index.html';

export function Welcome() {
  return (
    <main>
      <header>
        <img src={icon} alt="" width={64} height={64} />
        <div>
          <h1>Welcome to Papershelf</h1>
          <p class="lead">Keep track of the papers you skim, right where you skim them.</p>
        </div>
      </header>
      <SiteAccessNotice />

      <section aria-labelledby="how">
        <h2 id="how">How it works</h2>
        <p>
          Every paper on the pages below gets a row of controls: <strong>Read</strong>, <strong>Save</strong> (for
          later), <strong>Tags</strong>, <strong>Note</strong> and <strong>Lists</strong>. Papers you have read are set
          apart the next time you see them, on every site. Your queues, lists, tags and a search are one click away in
          the toolbar.
        </p>
      </section>

      <section aria-labelledby="where">
        <h2 id="where">Where it works</h2>
        <ul class="sites">
          {SITES.map(([href, name, what]) => (
            <li key={href}>
              <a href={href}>{name}</a> — {what}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="pin">
        <h2 id="pin">Pin it to the toolbar</h2>
        <p>
          Click the Extensions button (a puzzle piece) next to the address bar, then the pin beside Papershelf.{' '}
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> opens it from anywhere. Right-click any arXiv or Hugging Face
          paper link and choose <strong>Save to Papershelf</strong> to queue it without opening it.
        </p>
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">Keys on listing pages</h2>
        <dl class="keys">
          {TRIAGE_KEYS.map(([key, action]) => (
            <div key={key}>
              <dt>
                <kbd>{key}</kbd>
              </dt>
              <dd>{action}</dd>
            </div>
          ))}
        </dl>
        <p class="hint">
          Off while you type in a field; <a href={`${OPTIONS}#settings`}>turn them off</a> altogether if you prefer.
        </p>
      </section>

      <section aria-labelledby="bring">
        <h2 id="bring">Bring your library</h2>
        <p>
          Coming from PaperMemory, Zotero or a <code>.bib</code> file?{' '}
          <a href={`${OPTIONS}#import-export`}>Import it</a>: a preview shows what will change before anything is
          written.
        </p>
      </section>

      <section aria-labelledby="yours">
        <h2 id="yours">Your data stays yours</h2>
        <p>
          Everything is stored in this browser. Papershelf has no account and no server and sends nothing anywhere.{' '}
          <a href={`${OPTIONS}#import-export`}>Export a backup</a> whenever you like.
        </p>
      </section>

      <p class="start">
        <a class="button primary" href="https://huggingface.co/papers">
          Open today’s Daily Papers
        </a>
        <a class="button" href={`${OPTIONS}#library`}>
          Open your library
        </a>
      </p>
    </main>
  );
}
