/** Shared set-up for the sandbox tests: a running sandbox on an ephemeral port, tokens and a valid body. */
import { connect } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { SEED, type SeedInfo } from '../../sandbox/tenant/seed.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/server.js';
import { mintToken, type MintOptions } from '../../sandbox/tenant/token.js';

export { SEED };

export async function withSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, ...options });
}

export function createTaskUrl(sb: RunningSandbox, streamId = sb.seed.streamId): string {
  return `${sb.url}/caseManagement/api/public/analytics/${streamId}/createTask`;
}

export function devToken(sb: RunningSandbox, extra: Partial<MintOptions> = {}): Promise<string> {
  return mintToken({ clientId: sb.seed.clientId, clientSecret: sb.seed.clientSecret, sub: sb.seed.userId, ...extra });
}

export function validBody(sb: RunningSandbox): Record<string, unknown> {
  return validBodyFor(sb.seed);
}

/** The createCase page's sample request, pointed at the tenant's case template. */
export function validCaseBody(sb: RunningSandbox, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    caseTmp: sb.seed.caseTemplateId,
    name: 'This is demo case',
    desc: 'Demo case',
    userInfo: { _id: SEED.contactUserId, name: 'John' },
    emailId: 'john.doe@example.com',
    phoneNumber: '9023980000',
    dueDate: '2026-09-04T14:15:00.000Z',
    source: 'rtm',
    ...extra,
  };
}

/** The seed page's sample request, pointed at the given tenant's case and template. */
export function validBodyFor(seed: SeedInfo): Record<string, unknown> {
  return {
    caseId: seed.caseId,
    caseRefId: seed.caseRefId,
    taskTmp: seed.taskTemplateId,
    name: 'This is demo task',
    userInfo: { _id: SEED.contactUserId, name: 'dummy', emailId: 'dummy@mailinator.com' },
    source: 'rtm',
  };
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary bodies
}

export interface SendOptions {
  auth?: string | null;
  headers?: Record<string, string>;
  streamId?: string;
  raw?: string;
}

/** POSTs to createTask; `auth: null` sends no auth header, a string sends that one, undefined mints a fresh dev token. */
export function createTask(sb: RunningSandbox, body: unknown, o: SendOptions = {}): Promise<Sent> {
  return send(sb, createTaskUrl(sb, o.streamId), body, o);
}

/**
 * POSTs to any operation of the family (`getCases`, `updateTask/ti-…` …) with the stream's `accountId` header,
 * which four of the six require; `headers: {accountid: ''}`-style overrides replace it.
 */
export function callOp(sb: RunningSandbox, op: string, body: unknown, o: SendOptions & { accountId?: string | null } = {}): Promise<Sent> {
  const accountId = o.accountId === undefined ? sb.seed.accountId : o.accountId;
  const headers = { ...(accountId === null ? {} : { accountId }), ...o.headers };
  return send(sb, `${sb.url}/caseManagement/api/public/analytics/${o.streamId ?? sb.seed.streamId}/${op}`, body, { ...o, headers });
}

async function send(sb: RunningSandbox, url: string, body: unknown, o: SendOptions): Promise<Sent> {
  const auth = o.auth === undefined ? await devToken(sb) : o.auth;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth === null ? {} : { auth }), ...o.headers },
    body: o.raw ?? JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/**
 * GET /__sandbox/tasks for one stream (the seeded one by default) with a fresh token for it, or the given `auth`
 * (null: none). `query` adds parameters (`fields`, `skip`, `limit`).
 */
export async function storedTasks(
  sb: RunningSandbox,
  query: Record<string, string> = {},
  o: { auth?: string | null; streamId?: string } = {},
): Promise<Response> {
  const auth = o.auth === undefined ? await devToken(sb) : o.auth;
  const params = new URLSearchParams({ streamId: o.streamId ?? sb.seed.streamId, ...query });
  return fetch(`${sb.url}/__sandbox/tasks?${params}`, { headers: auth === null ? {} : { auth } });
}

/** Asserts the platform envelope and returns its messages. */
export function envelopeMessages(sent: Sent): string[] {
  const errors = sent.json?.errors;
  if (!Array.isArray(errors) || errors.length === 0) throw new Error(`not an error envelope: ${sent.text.slice(0, 200)}`);
  for (const e of errors) {
    if (typeof e.msg !== 'string' || !Number.isInteger(e.code)) throw new Error(`bad envelope item: ${JSON.stringify(e)}`);
  }
  return errors.map((e: { msg: string }) => e.msg);
}

export interface RawExchange {
  status: number;
  headers: Record<string, string>;
  body: string;
  ms: number; // from connect to close
}

/** Writes `text` on a fresh socket as is (any bytes, any header spelling) and reads until the server closes it. */
export function rawHttp(sb: RunningSandbox, text: string): Promise<RawExchange> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(new URL(sb.url).port), '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (c) => (received += c));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = received.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body, ms: Date.now() - started });
    });
    socket.write(text);
  });
}

/** One sandbox for a whole test file (started before its tests, closed after), with a dev token for it. */
export function sandboxForFile(options: SandboxOptions = {}): { readonly sb: RunningSandbox; readonly token: string } {
  let sb: RunningSandbox | undefined;
  let token = '';
  beforeAll(async () => {
    sb = await withSandbox(options);
    token = await devToken(sb);
  });
  afterAll(() => sb?.close());
  return {
    get sb() {
      return sb!;
    },
    get token() {
      return token;
    },
  };
}
