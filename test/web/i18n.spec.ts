// The Finnish catalogue (apps/web/src/i18n/fi.ts) against the English one: the same keys at every
// depth (tsc already checks most; the Record<string, string> tables only here), no empty text, the
// same {placeholders}, and nothing left in English by mistake.
import { en } from '../../apps/web/src/i18n/en.js';
import { fi } from '../../apps/web/src/i18n/fi.js';

type Tree = { [key: string]: string | Tree };

/** Every text as [dotted path, text]. */
function texts(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : texts(value, `${prefix}${key}.`));
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort();
}

/**
 * Texts that are rightly the same in both languages: the product's name, a file format, and the
 * language names of the switch (each language is named in its own language in every catalogue).
 */
const SAME_IN_BOTH = new Set(['app.name', 'reports.csv', 'language.english', 'language.finnish']);

const english = new Map(texts(en as unknown as Tree));
const finnish = new Map(texts(fi as unknown as Tree));

describe('Finnish texts of the web app', () => {
  it('have exactly the keys of the English texts, at every depth', () => {
    expect(english.size).toBeGreaterThan(500);
    expect([...finnish.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !finnish.has(key))).toEqual([]);
  });

  it('are never empty', () => {
    expect([...finnish].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
    expect([...english].filter(([, text]) => !text.trim()).map(([key]) => key)).toEqual([]);
  });

  it('use the same {placeholders} as the English text', () => {
    const differing = [...english]
      .filter(([key, text]) => finnish.has(key) && placeholders(text).join() !== placeholders(finnish.get(key)!).join())
      .map(([key, text]) => `${key}: ${placeholders(text).join()} ≠ ${placeholders(finnish.get(key)!).join()}`);
    expect(differing).toEqual([]);
  });

  it('are translated, not copied from English', () => {
    // A text with no words outside its placeholders ("{from} → {to}") has nothing to translate.
    const hasWords = (text: string) => /\p{L}{2,}/u.test(text.replace(/\{\w+\}/g, ''));
    const copied = [...english]
      .filter(([key, text]) => !SAME_IN_BOTH.has(key) && hasWords(text) && finnish.get(key) === text)
      .map(([key]) => key);
    expect(copied).toEqual([]);
  });

  it('keep the allowed identical texts identical, so the list stays honest', () => {
    for (const key of SAME_IN_BOTH) expect([key, finnish.get(key)]).toEqual([key, english.get(key)]);
  });
});
