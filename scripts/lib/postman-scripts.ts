/**
 * The JavaScript the collection runs in Postman's sandbox (and newman's): the collection's pre-request script that
 * mints the JWT, and each request's tests. Kept as source text: Postman stores scripts as lines of text, and a
 * function's toString() after tsx/esbuild could carry helpers the sandbox does not have.
 */

/**
 * Collection pre-request script. A `jwt` the user set (data file, environment, collection or globals) is sent as
 * is; otherwise one is minted for every request from `clientId`/`clientSecret`: HS256, payload `{sub, appId}`,
 * `iat`, `exp` one hour ahead and a fresh `jti` (apps that enforce JTI refuse a reused one). The minted token is a
 * local variable, gone after the run; nothing here logs the secret or the token.
 */
export const MINT_JWT = `// The \`auth\` header: your \`jwt\`, or an HS256 JWT minted per request from clientId + clientSecret.
const given = [pm.iterationData, pm.environment, pm.collectionVariables, pm.globals]
  .map((scope) => scope.get('jwt'))
  .find((value) => typeof value === 'string' && value !== '');
if (given) {
  pm.variables.set('jwt', given);
} else {
  const clientId = pm.variables.get('clientId');
  const clientSecret = pm.variables.get('clientSecret');
  if (!clientId || !clientSecret) {
    // A failed check, not a thrown error: a request skipped after a throw leaves the run green.
    pm.test('has credentials', () => {
      throw new Error('set the jwt variable, or clientId and clientSecret to mint one');
    });
    pm.execution.skipRequest(); // sent without a token, it would only test the 401
  } else {
    mint(clientId, clientSecret);
  }
}

function mint(clientId, clientSecret) {
  const CryptoJS = require('crypto-js');
  const base64url = (words) => CryptoJS.enc.Base64.stringify(words).replace(/=+$/, '').replace(/\\+/g, '-').replace(/\\//g, '_');
  const part = (json) => base64url(CryptoJS.enc.Utf8.parse(JSON.stringify(json)));
  const iat = Math.floor(Date.now() / 1000);
  const payload = { sub: pm.variables.get('jwtSubject') || clientId, appId: clientId, iat, exp: iat + 3600, jti: pm.variables.replaceIn('{{$guid}}') };
  const unsigned = part({ alg: 'HS256', typ: 'JWT' }) + '.' + part(payload);
  pm.variables.set('jwt', unsigned + '.' + base64url(CryptoJS.HmacSHA256(unsigned, clientSecret)));
}
`;

/** What one request must get back, from the contract. */
export interface Expectation {
  status: number;
  /** Name of the response schema (for the test's name) and the schema itself, self-contained. */
  schemaName: string;
  schema: unknown;
  /** Ajv 6 formats to ignore (see postman-schema.ts). */
  unknownFormats: string[];
  /** A platform code one of the envelope's errors must carry. */
  code?: number;
  /** A field one of the envelope's messages must name. */
  names?: string;
}

/**
 * How a request takes part in the run's chain: the variables its answer sets for the requests after it (variable →
 * top-level field of the body), and the checks that what an earlier request created is there (JavaScript
 * expressions over `body`). A server that keeps nothing (`statefulServer` 'false': the Prism mock answers its
 * examples whatever was created) cannot pass those checks honestly: they are skipped, and reported as skipped.
 */
export interface Chain {
  saves?: Record<string, string>;
  checks: { name: string; expr: string }[];
}

/** The chain's part of a test script (after the contract checks). */
function chainTests(chain: Chain): string {
  const saves = Object.entries(chain.saves ?? {})
    .map(([variable, field]) => `  if (typeof body.${field} === 'string') save(${JSON.stringify(variable)}, body.${field});`)
    .join('\n');
  const checks = chain.checks
    .map(
      ({ name, expr }) =>
        `(stateful ? pm.test : pm.test.skip)(${JSON.stringify(name)}, () => {\n  pm.expect(${expr}, ${JSON.stringify(name)}).to.equal(true);\n});`,
    )
    .join('\n');
  return `// The run's chain: ids for the requests after this one, and what earlier requests created.
const body = (() => { try { return pm.response.json(); } catch (e) { return {}; } })();
const stateful = pm.variables.get('statefulServer') !== 'false';
${
  saves
    ? `// Into the scope the next requests read it from: an environment that sets it shadows the collection's value.
const save = (name, value) => (pm.environment.has(name) ? pm.environment : pm.collectionVariables).set(name, value);
// another success status (a 201) still carries the ids: only 'status is ' + expected.status fails, not the chain
const succeeded = expected.status < 300 ? pm.response.code >= 200 && pm.response.code < 300 : pm.response.code === expected.status;
if (succeeded) {\n${saves}\n}\n`
    : ''
}${checks}
`;
}

/** A request's test script: status, JSON, the body against the contract's schema, and what the error must say. */
export function responseTests(expected: Expectation, chain?: Chain): string {
  return `// Checks this answer against the contract (generated/openapi.json): status, content type, body schema.
const expected = ${JSON.stringify(expected)};
pm.test('status is ' + expected.status, () => {
  pm.response.to.have.status(expected.status);
});
pm.test('answers JSON', () => {
  pm.expect(pm.response.headers.get('Content-Type') || '(none)').to.match(/^application\\/json\\b/i);
});
pm.test('body matches the contract\\'s ' + expected.schemaName + ' schema', () => {
  const Ajv = require('ajv');
  const ajv = new Ajv({ allErrors: true, unknownFormats: expected.unknownFormats });
  const valid = ajv.validate(expected.schema, pm.response.json());
  const errors = ajv.errors || [];
  const more = errors.length > 5 ? '; … ' + (errors.length - 5) + ' more' : '';
  pm.expect(valid, ajv.errorsText(errors.slice(0, 5), { dataVar: 'body', separator: '; ' }) + more).to.equal(true);
});
if (expected.code !== undefined) {
  pm.test('an error carries platform code ' + expected.code, () => {
    pm.expect(pm.response.json().errors.map((e) => e.code)).to.include(expected.code);
  });
}
if (expected.names !== undefined) {
  pm.test('an error message names ' + expected.names, () => {
    const messages = pm.response.json().errors.map((e) => e.msg);
    pm.expect(messages.some((msg) => String(msg).includes(expected.names)), JSON.stringify(messages)).to.equal(true);
  });
}
${chain ? chainTests(chain) : ''}`;
}

/** Postman stores a script as its lines. */
export function scriptEvent(listen: 'prerequest' | 'test', source: string): object {
  return { listen, script: { type: 'text/javascript', exec: source.trimEnd().split('\n') } };
}
