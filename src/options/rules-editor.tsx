/** The keyword rules box: "tag: word, a phrase" per line; saved through the worker. */
import { useEffect, useState } from 'preact/hooks';
import type { WorkerConnection } from '../messaging/client';
import type { TagRule } from '../shared/model';
import { formatRules, parseRules } from '../shared/rules';

export function RulesEditor({ rules, worker }: { rules: TagRule[]; worker: WorkerConnection }) {
  const [text, setText] = useState(formatRules(rules));
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => setText(formatRules(rules)), [JSON.stringify(rules)]);

  function save() {
    const parsed = parseRules(text);
    setErrors(parsed.errors);
    if (parsed.errors.length) return;
    worker.request({ type: 'settings/set', patch: { rules: parsed.rules } }).then(
      () => setStatus(`Saved ${parsed.rules.length} rule${parsed.rules.length === 1 ? '' : 's'}.`),
      (err: unknown) =>
        setErrors([`The rules could not be saved: ${err instanceof Error ? err.message : String(err)}`]),
    );
  }

  return (
    <section aria-labelledby="rules-heading">
      <h2 id="rules-heading">Suggested tags</h2>
      <p class="hint">
        One rule a line: a tag, a colon, then words or phrases separated by commas. A paper whose title or abstract has
        one of them gets the tag suggested on its card (case and plurals do not matter). Example:{' '}
        <code>state space: state space model, SSM, Mamba</code>
      </p>
      <textarea aria-label="Keyword rules" rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      <div class="buttons">
        <button type="button" onClick={save}>
          Save rules
        </button>
        <span role="status">{status}</span>
      </div>
      {errors.length ? (
        <div role="alert">
          {errors.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      ) : null}
    </section>
  );
}
