/**
 * A PostCSS plugin for the content script's stylesheets only: replaces each `var(--ps-…)` with the
 * token's value from src/ui/tokens.css and drops the token declarations. The controls keep the one
 * visual language while the content script, which has a 15 kB budget, ships values, not names.
 * Extension pages keep the custom properties (their dark theme switches them).
 */
const TOKEN_RULE = ':root, :host';

/** @param {(file: string) => boolean} only  which stylesheets to rewrite */
export function inlineTokens(only) {
  return {
    postcssPlugin: 'papershelf-inline-tokens',
    /** @param {import('postcss').Root} root */
    OnceExit(root) {
      if (!only(root.source?.input.file ?? '')) return;
      /** @type {Map<string, string>} */
      const tokens = new Map();
      root.walkRules((rule) => {
        if (rule.selector.replace(/\s+/g, ' ') !== TOKEN_RULE) return;
        rule.walkDecls(/^--ps-/, (decl) => void tokens.set(decl.prop, decl.value));
        rule.remove();
      });
      root.walkDecls((decl) => {
        decl.value = decl.value.replace(/var\((--ps-[\w-]+)\)/g, (_, name) => {
          const value = tokens.get(name);
          if (value === undefined) throw decl.error(`unknown design token ${name}`);
          return value;
        });
      });
    },
  };
}
