// Every text a person reads comes from the message files (apps/web/src/i18n), so another language
// is a new catalogue, not an edit of every component. This reads the components' syntax trees and
// fails on words written straight into JSX or into the attributes people read or hear.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const SRC = join(process.cwd(), 'apps/web/src');
/** Attributes whose value is shown or read out. */
const READ_ATTRIBUTES = new Set(['label', 'description', 'placeholder', 'title', 'aria-label', 'alt', 'error', 'message', 'confirmLabel', 'cancelLabel']);
/** Has letters, so it is words rather than punctuation, a separator or a symbol. */
const WORDS = /\p{L}{2,}/u;

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' || entry.name === 'i18n' ? [] : componentFiles(path);
    return entry.name.endsWith('.tsx') ? [path] : [];
  });
}

function literalTexts(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(process.cwd(), path)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = node.initializer;
      const literal = ts.isStringLiteral(value)
        ? value.text
        : ts.isJsxExpression(value) && value.expression && (ts.isStringLiteral(value.expression) || ts.isNoSubstitutionTemplateLiteral(value.expression))
          ? value.expression.text
          : undefined;
      if (literal !== undefined && WORDS.test(literal)) found.push(`${where(node)} ${node.name.getText(source)}="${literal}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('web app texts', () => {
  it('come from the message files, never written into components', () => {
    const files = componentFiles(SRC);
    expect(files.length).toBeGreaterThan(10);
    expect(files.flatMap(literalTexts)).toEqual([]);
  });

  it('would catch a word written into a component', () => {
    const probe = join(process.cwd(), 'dist/test/web/probe.tsx');
    ts.sys.writeFile(probe, 'export const A = () => <Button aria-label="Close">Save now</Button>;\n');
    expect(literalTexts(probe).map((f) => f.replace(/^.*:\d+ /, ''))).toEqual(['aria-label="Close"', 'text "Save now"']);
  });
});
