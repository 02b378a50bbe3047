#!/usr/bin/env node
// Typed GraphQL operations for apps/web, generated from the committed schema.gql with GraphQL Code
// Generator's client preset. The operations are the graphql(`...`) literals in apps/web/src.
// Invalid operations (a field the API no longer has) fail here, before the web build.
// Run programmatically rather than through @graphql-codegen/cli, whose URL/GitHub loaders pull in
// packages that declare Node >= 22.
import { codegen } from '@graphql-codegen/core';
import { preset } from '@graphql-codegen/client-preset';
import { buildSchema, parse } from 'graphql';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(repo, 'apps/web/src');
const outDir = join(srcDir, 'gql');

async function sourceFiles(dir) {
  const files = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== outDir) files.push(...(await sourceFiles(path)));
    } else if (/\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name)) files.push(path);
  }
  return files;
}

export async function generateWebTypes() {
  const schemaText = await readFile(join(repo, 'schema.gql'), 'utf8');
  const schemaAst = buildSchema(schemaText);
  const documents = [];
  for (const file of await sourceFiles(srcDir)) {
    const text = await readFile(file, 'utf8');
    for (const match of text.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)) {
      const rawSDL = match[1];
      try {
        documents.push({ document: parse(rawSDL), rawSDL, location: relative(repo, file) });
      } catch (error) {
        throw new Error(`${relative(repo, file)}: ${error.message}`);
      }
    }
  }
  const options = {
    baseOutputDir: `${outDir}/`,
    schema: parse(schemaText),
    schemaAst,
    documents,
    plugins: [],
    pluginMap: {},
    config: { useTypeImports: true, enumsAsTypes: true, avoidOptionals: false, scalars: { DateTime: 'string' } },
    presetConfig: { fragmentMasking: false },
  };
  const outputs = await preset.buildGeneratesSection(options);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const output of outputs) {
    const content = await codegen({ ...output, schemaAst });
    await writeFile(output.filename, content);
  }
  return documents.length;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  generateWebTypes().then(
    (count) => console.log(`web: typed ${count} GraphQL operations from schema.gql`),
    (error) => {
      console.error(`web: GraphQL operations do not match schema.gql:\n${error.message ?? error}`);
      process.exit(1);
    },
  );
}
