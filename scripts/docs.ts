/**
 * npm run docs: one self-contained page (Redoc inlined) from the bundled contract, samples from docs/samples/ and an
 * "Inferred:"/"Observed:" line where the contract says so, with contract-decisions.html beside it (`--output`, `--overlay`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { withOverlayFile } from '../contract-tests/learn/overlay.js';
import type { Json } from './lib/openapi-document.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SAMPLES = join(ROOT, 'docs', 'samples');
const DECISIONS = { source: 'docs/contract-decisions.md', page: 'contract-decisions.html', title: 'Contract decisions' };

/** The tabs every operation shows, in this order. */
const SAMPLE_FILES = [
  { file: 'curl.sh', lang: 'Shell', label: 'curl' },
  { file: 'sdk.ts', lang: 'TypeScript', label: 'SDK (kore-case-management)' },
  { file: 'openapi-generator.ts', lang: 'TypeScript', label: 'openapi-generator client' },
];

/**
 * Redoc settings: open every schema level (nested request fields included) without clicking, and list our sample
 * tabs: Redoc shows only the x-codeSamples whose label is among `codeSamples.languages`.
 */
const REDOC_OPTIONS = {
  schemasExpansionLevel: 'all',
  jsonSamplesExpandLevel: 'all',
  sortRequiredPropsFirst: true,
  codeSamples: { languages: SAMPLE_FILES.map(({ lang, label }) => ({ lang, label })) },
};

/**
 * Redoc's "API docs by Redocly" badge loads its logo from Redocly's CDN even in an inlined build: the page would
 * make a request on every open. The attribution stays; its logo becomes an inline SVG.
 */
const wordmark = (text: string, width: number) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="16" viewBox="0 0 ${width} 16"><text x="0" y="12" font-family="sans-serif" font-size="12" font-weight="700" fill="#3b3b3b">${text}</text></svg>`,
  )}`;
const CDN_ASSETS: Record<string, string> = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': wordmark('Redocly', 52),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': wordmark('R', 10),
};

function withCodeSamples(contract: Json): Json {
  const copy = structuredClone(contract);
  for (const pathItem of Object.values<Json>(copy.paths)) {
    for (const operation of Object.values<Json>(pathItem)) {
      if (!operation?.operationId) continue;
      const dir = join(SAMPLES, operation.operationId);
      const missing = SAMPLE_FILES.filter(({ file }) => !existsSync(join(dir, file)));
      if (missing.length)
        throw new Error(`${operation.operationId} has no sample ${missing.map((m) => m.file).join(', ')} in docs/samples/${operation.operationId}/`);
      operation['x-codeSamples'] = SAMPLE_FILES.map(({ file, lang, label }) => ({
        lang,
        label,
        source: readFileSync(join(dir, file), 'utf8').trimEnd(),
      }));
    }
  }
  return copy;
}

/**
 * Makes provenance visible to readers: every node marked `x-provenance: inferred` gets an "Inferred:" line (with its
 * `x-provenance-source`) at the end of its description. A field or parameter that references an inferred schema
 * (an id) and has a description of its own gets the schema's line too: Redoc shows the field's description, not the
 * schema's.
 */
function withProvenance(contract: Json): Json {
  const copy = structuredClone(contract);
  const schemas: Record<string, Json> = copy.components?.schemas ?? {};
  const line = (node: Json, label: string) => `**${label}:** ${node['x-provenance-source'] ?? 'the page does not document it'}.`;
  const seen = (o: Json) =>
    `**Observed:** the tenant showed it ${o?.count ?? '?'} time(s)${o?.first ? `, ${o.first} to ${o.last}` : ''}${o?.sources?.length ? ` (${o.sources.join(', ')})` : ''}.`;
  const append = (node: Json, text: string) => {
    node.description = node.description ? `${node.description.trimEnd()}\n\n${text}` : text;
  };
  const visit = (node: Json): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node != 'object') return;
    Object.values(node).forEach(visit);
    const ref = node.$ref ?? node.schema?.$ref;
    const target = typeof ref == 'string' ? schemas[ref.replace('#/components/schemas/', '')] : undefined;
    if (target?.['x-provenance'] == 'inferred' && node.description) append(node, line(target, 'Inferred (its shape)'));
    if (node['x-provenance'] == 'inferred') append(node, line(node, 'Inferred'));
    if (node['x-provenance'] == 'observed') append(node, seen(node['x-observed']));
  };
  visit(copy);
  return copy;
}

/** The decisions document as a Redoc page of its own: an API description with no operation, the document as its text. */
function decisionsDocument(contract: Json): Json {
  const markdown = readFileSync(join(ROOT, DECISIONS.source), 'utf8').replace(/^# .*\n/, '');
  return {
    openapi: contract.openapi,
    info: { title: `${contract.info.title}: ${DECISIONS.title.toLowerCase()}`, version: contract.info.version, description: markdown },
    externalDocs: { description: 'The API reference', url: 'index.html' },
    paths: {},
  };
}

/** Builds one self-contained Redoc page of `doc` into `output`, offline (no CDN asset left in it). */
function buildPage(doc: Json, output: string, title: string): number {
  const work = mkdtempSync(join(tmpdir(), 'kore-docs-'));
  try {
    const bundle = join(work, 'openapi.json');
    writeFileSync(bundle, JSON.stringify(doc));
    const config = join(work, 'redocly.yaml'); // JSON is YAML; a config of its own keeps the lint config out
    writeFileSync(config, JSON.stringify({ openapi: REDOC_OPTIONS }));
    const redocly = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'redocly'),
      ['build-docs', bundle, '--output', output, '--inlineBundle', '--title', title, '--config', config, '--lint-config', 'off'],
      { cwd: work, encoding: 'utf8', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    );
    if (redocly.status !== 0) throw new Error(`redocly build-docs failed:\n${redocly.stderr}${redocly.stdout}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  let html = readFileSync(output, 'utf8');
  for (const [url, inline] of Object.entries(CDN_ASSETS)) html = html.replaceAll(url, inline);
  writeFileSync(output, html);
  // The page must load nothing: no external script or stylesheet tag (the browser test checks what the script fetches).
  const external = html.match(/<(script|link|img)[^>]+(src|href)="(https?:)?\/\/[^"]+"/g);
  if (external) throw new Error(`${output} still loads from the network: ${external.join(', ')}`);
  return html.length;
}

async function build(output: string, overlay?: string): Promise<void> {
  const base = JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8'));
  const contract = overlay ? await withOverlayFile(base, overlay) : base;
  mkdirSync(dirname(output), { recursive: true });
  // The contract links the decisions by their path in the repository; on the published page they sit beside it.
  const reference = JSON.parse(
    JSON.stringify(withProvenance(withCodeSamples(contract))).replaceAll(`](${DECISIONS.source})`, `](${DECISIONS.page})`),
  );
  const size = buildPage(reference, output, contract.info.title);
  const decisions = join(dirname(output), DECISIONS.page);
  buildPage(decisionsDocument(contract), decisions, DECISIONS.title);
  console.log(`wrote ${output} (${Math.round(size / 1024)} KiB, self-contained) and ${decisions}`);
}

try {
  const { values } = parseArgs({ options: { output: { type: 'string' }, overlay: { type: 'string' } }, strict: true });
  await build(resolve(values.output ?? join(ROOT, 'dist', 'docs', 'index.html')), values.overlay);
} catch (error) {
  console.error(`docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
