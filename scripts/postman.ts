/**
 * npm run postman: the contract as a Postman collection (dist/postman/collection.json), converted by
 * openapi-to-postmanv2 and then given the variables people fill in once: host, jwt (sent in the `auth`
 * header, no Bearer prefix), streamId and accountId. Requests carry the seed's sample body.
 *   --output FILE   write the collection elsewhere
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Converter from 'openapi-to-postmanv2';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function convert(contract: string): Promise<Json> {
  const options = {
    folderStrategy: 'Tags',
    requestParametersResolution: 'Example', // the contract's examples (the seed sample first), not made-up values
    exampleParametersResolution: 'Example',
    includeAuthInfoInExample: true,
  } as const;
  return new Promise((resolve, reject) =>
    Converter.convert({ type: 'string', data: contract }, options, (error, result) => {
      if (error || !result?.result) reject(new Error(`openapi-to-postmanv2: ${error?.message ?? result?.reason}`));
      else resolve(result.output?.[0]?.data);
    }),
  );
}

/** Collection variables: one place to set the tenant; samples stay as the defaults where the contract has them. */
function variables(contract: Json): Json[] {
  const param = (name: string) => contract.components.parameters[name];
  const host = contract.servers[0].variables.host;
  return [
    { key: 'host', value: host.default, type: 'string', description: host.description },
    { key: 'baseUrl', value: 'https://{{host}}', type: 'string', description: 'Origin of every request; point it at a mock or sandbox (e.g. http://127.0.0.1:4010) to try without a tenant.' },
    { key: 'jwt', value: '', type: 'secret', description: 'HS256 JWT signed with your app\'s client secret, payload {"sub": …, "appId": <client id>}; sent as the `auth` header with no Bearer prefix.' },
    { key: 'streamId', value: param('StreamId').example, type: 'string', description: param('StreamId').description },
    { key: 'accountId', value: param('AccountId').example, type: 'string', description: param('AccountId').description },
  ];
}

/** Points every request at the collection variables instead of the literal examples the converter filled in. */
function useVariables(item: Json): void {
  if (Array.isArray(item.item)) return item.item.forEach(useVariables);
  for (const request of [item.request, ...(item.response ?? []).map((r: Json) => r.originalRequest)].filter(Boolean)) {
    for (const v of request.url?.variable ?? []) {
      if (v.key == 'streamId') v.value = '{{streamId}}';
    }
    request.url.variable = (request.url.variable ?? []).filter((v: Json) => v.key != 'host');
    for (const h of request.header ?? []) {
      if (String(h.key).toLowerCase() == 'accountid') h.value = '{{accountId}}';
    }
    delete request.auth; // inherit the collection's auth
  }
}

export async function buildCollection(contract: Json): Promise<Json> {
  const collection = await convert(JSON.stringify(contract));
  collection.variable = variables(contract);
  collection.auth = {
    type: 'apikey',
    apikey: [
      { key: 'key', value: 'auth', type: 'string' },
      { key: 'value', value: '{{jwt}}', type: 'string' },
      { key: 'in', value: 'header', type: 'string' },
    ],
  };
  collection.item.forEach(useVariables);
  return collection;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { output: { type: 'string' } } });
  const output = resolve(values.output ?? join(ROOT, 'dist', 'postman', 'collection.json'));
  const contract = JSON.parse(readFileSync(join(ROOT, 'generated', 'openapi.json'), 'utf8'));
  const collection = await buildCollection(contract);
  mkdirSync(dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(collection, null, 2)}\n`);
  console.log(`wrote ${output}: set jwt, host (or baseUrl), streamId and accountId in the collection variables`);
}

if (import.meta.url == pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(`postman: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
