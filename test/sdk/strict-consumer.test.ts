/**
 * The SDK's published examples (README.md and docs/sdk.md ```ts blocks, examples/*.ts, docs/samples/, the public type
 * checks) compile in an application with the strictest settings, under NodeNext and Bundler resolution, importing
 * the packed package (test/helpers/packed.ts) by the name the docs give it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packedPackages } from '../helpers/packed.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const strictest = { strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true, skipDefaultLibCheck: true };
// The package's declarations themselves are checked (skipLibCheck false) by package.test.ts's strict project, under
// NodeNext, the stricter resolution (ESM and CommonJS views, the same settings): here, as most applications do, not
// again (that would check @types/node too, half of each program's time).
const settings = {
  NodeNext: { module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: true },
  Bundler: { module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: true },
} as const;
let work: string;

/** The package name users import, as the README and docs write it. */
const PACKAGE = 'kore-case-management';

/** The ```ts blocks of a Markdown file, in order. */
export function tsBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** The operations the docs have samples for (docs/samples/<operation>/), createTask at least. */
const sampleOperations = () => {
  const ops = readdirSync(join(root, 'docs/samples')).filter((op) => existsSync(join(root, 'docs/samples', op, 'sdk.ts')));
  expect(ops).toContain('createTask');
  return ops;
};

const sources = (): Record<string, string> => {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  const viaPackage = (text: string, from: string) => {
    expect(text, `${from} imports the SDK from its source`).toContain(from);
    return text.replaceAll(from, `'${PACKAGE}'`);
  };
  const files: Record<string, string> = {
    'readme.ts': tsBlocks(read('README.md')).join('\n'),
    'docs-sdk.ts': tsBlocks(read('docs/sdk.md')).join('\n'),
  };
  for (const f of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.ts')))
    files[`example-${f}`] = viaPackage(read(`examples/${f}`), "'../src/index.js'");
  for (const op of sampleOperations()) files[`docs-sample-${op}-sdk.ts`] = read(`docs/samples/${op}/sdk.ts`);
  // the files are compiled three levels below the root, where test/sdk/ files are two
  files['public-types.ts'] = viaPackage(read('test/sdk/public-types.check.ts'), "'../../src/index.js'").replace(
    '../../generated/',
    '../../../generated/',
  );
  return files;
};
// openapi-generator's client imports without file extensions: it compiles under Bundler resolution only (README)
const generatorSamples = () =>
  Object.fromEntries(
    sampleOperations().map((op) => [
      `docs-sample-${op}-openapi-generator.ts`,
      readFileSync(join(root, `docs/samples/${op}/openapi-generator.ts`), 'utf8').replace(
        "from './generated/openapi-generator-client'",
        "from '../../../generated/openapi-generator-client/index.js'",
      ),
    ]),
  );

/**
 * Writes `files` and a tsconfig for `setting` into a fresh folder of `work`; resolves to tsc's output ('' when it
 * passes), one entry per file with errors. Each setting is one tsc program for all its files, and the programs run
 * at the same time (each is a process of its own): the test costs the slower program, not the sum.
 */
async function compile(name: string, setting: keyof typeof settings, files: Record<string, string>): Promise<Record<string, string>> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const compilerOptions = {
    ...strictest,
    ...settings[setting],
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    noEmit: true,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: Object.keys(files) }));
  let out = '';
  try {
    await promisify(execFile)(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout) || String(e);
  }
  const byFile: Record<string, string> = {};
  for (const error of out.split(/^(?=\S)/m).filter(Boolean)) {
    // tsc names files from the working directory: this program's own by their name, the root's by their path
    const file = (/^([^(:]+)[(:]/.exec(error)?.[1] ?? '(tsc)').replace(`${relative(root, dir)}/`, '');
    byFile[file] = (byFile[file] ?? '') + error;
  }
  return byFile;
}

const brokenReadme = () => {
  const readme = sources()['readme.ts']!;
  const broken = readme.replace('caseRefId: kase.refId, ', '');
  expect(broken).not.toBe(readme);
  return broken;
};
let nodeNext: Promise<Record<string, string>>;
let bundler: Promise<Record<string, string>>;

beforeAll(async () => {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  work = mkdtempSync(join(root, '.tmp', 'strict-consumer-'));
  const pkg = join(work, 'node_modules', PACKAGE);
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', (await packedPackages()).tarballs[PACKAGE], '-C', pkg, '--strip-components=1']);
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'strict-app', private: true, type: 'module' }));
  // started here, awaited by the tests: the two programs compile side by side
  nodeNext = compile('node-next', 'NodeNext', { ...sources(), 'readme-broken.ts': brokenReadme() });
  bundler = compile('bundler', 'Bundler', { ...sources(), ...generatorSamples() });
  // a rejection is reported by the test that awaits it
  nodeNext.catch(() => {});
  bundler.catch(() => {});
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the examples compile in a strict application', () => {
  it('README.md has a first call importing the package, and docs/sdk.md the rest', () => {
    const readme = tsBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
    expect(readme.length).toBeGreaterThanOrEqual(1);
    expect(readme[0]).toContain(`from '${PACKAGE}'`);
    expect(readme[0]).toMatch(/createCase[\s\S]*createTask[\s\S]*getTasks/);
    expect(tsBlocks(readFileSync(join(root, 'docs/sdk.md'), 'utf8')).length).toBeGreaterThanOrEqual(3);
  });

  it("README, examples/, the docs' SDK samples and the public type checks (NodeNext)", async () => {
    const { 'readme-broken.ts': _broken, ...errors } = await nodeNext;
    expect(errors).toEqual({});
  }, 120_000);

  it("the same and the docs' openapi-generator samples (Bundler)", async () => {
    // openapi-generator's own runtime.ts breaks exactOptionalPropertyTypes (generated code, not edited by hand):
    // only its errors are set aside, the sample itself must compile
    const errors = Object.entries(await bundler).filter(([file]) => !file.startsWith('generated/openapi-generator-client/'));
    expect(Object.fromEntries(errors)).toEqual({});
  }, 120_000);

  it('a README example that breaks the types is caught, naming the file and the field', async () => {
    expect((await nodeNext)['readme-broken.ts']).toMatch(/readme-broken\.ts\(\d+,\d+\): error TS\d+:[^\n]*\n\s+Property 'caseRefId' is missing/);
  }, 120_000);
});
