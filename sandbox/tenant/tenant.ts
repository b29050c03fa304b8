/**
 * The tenant the sandbox serves: streams, the apps allowed to call them, users, cases and task templates.
 * Seeded by default (seed.ts) or loaded from a JSON file of this shape (`--data FILE`).
 */
import { readFileSync } from 'node:fs';
import { idPatterns } from '../store/ids.js';

export interface Stream {
  _id: string; // st-<uuid>
  name?: string;
  accountId: string; // 24 hex digits
  orgId: string; // o-<uuid>
}

export interface App {
  clientId: string; // the JWT's `appId` claim
  clientSecret: string; // HS256 signing secret
  name?: string;
  ownerUserId: string; // createdBy when the token's `sub` is not a known user
  streams: string[]; // streams this app may call (others: 403)
  scopes: string[]; // must include "Case Management Configuration" (else 401, as on the platform)
  enforceJti?: boolean; // require `jti` and an `exp` at most an hour ahead; a reused jti is a replay (401)
}

interface User {
  _id: string; // u-<uuid>
  aId?: string; // a-…: the user is an agent, who may be assigned cases and tasks
  name: string;
  emailId?: string;
  phoneNumber?: string;
  profImage: string;
}

interface Case {
  _id: string; // ci-… (the platform's: 7 hex digits in the first group; any shape matching ids.ts works)
  refId: string; // CS000131
  streamId: string;
  name?: string; // a seeded case's title (default: "Case <refId>")
  caseTmp?: string; // its case template (default: the stream's first)
}

export interface NamedRef {
  _id: string;
  name: string;
}

export interface TemplateStatus extends NamedRef {
  statusCategory: string;
}

export interface TemplatePriority extends NamedRef {
  color: string;
  score: number;
  desc?: string; // what the priority means; a template's own priority object has none (createTask's sample)
}

export interface TemplateField {
  _id: string;
  show: boolean;
  displayName: string;
  lname: string;
  desc: string;
  isEnabled: boolean;
  isActive: boolean;
  metaData: {
    type: string;
    displayName: string;
    name: string;
    description: string;
    placeholder: string;
    readOnly: boolean;
    tooltipText: string;
  };
  type: string;
  required: boolean;
  dataType: string;
}

export interface TaskTemplate {
  _id: string; // ttm-… (like case ids)
  streamId: string;
  name: string; // the task's name when the request gives none
  status: TemplateStatus; // default status (Open)
  priority: TemplatePriority;
  fields: TemplateField[];
}

/** A case template (ctm-…) has the same parts as a task template: the case's name, status, priority and fields. */
export type CaseTemplate = TaskTemplate;

interface Queue {
  _id: string; // qu-…
  name: string;
}

export interface TenantData {
  streams: Stream[];
  apps: App[];
  users: User[];
  cases: Case[];
  templates: TaskTemplate[];
  caseTemplates?: CaseTemplate[]; // without them, createCase knows no template (400 naming caseTmp)
  statuses?: TemplateStatus[]; // what a case or task may be set to; default: the templates' statuses
  priorities?: TemplatePriority[]; // likewise; default: the templates' priorities
  queues?: Queue[];
}

export const caseManagementScope = 'Case Management Configuration';

/** Reads a tenant file; a wrong file stops the start with a message naming what is wrong. */
export function loadTenantData(file: string): TenantData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`--data ${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not the parser's message: it quotes the text around the error, which may be an app's secret
    throw new Error(`--data ${file}: not valid JSON`);
  }
  const problems = checkTenantData(parsed);
  if (problems.length > 0) throw new Error(`--data ${file}: ${problems.join('; ')}`);
  return parsed as TenantData;
}

type Kind = 'string' | 'strings' | 'object' | 'array' | 'boolean';
/** What each item must hold, by key; `?` marks what may be absent. Values are never echoed (secrets). */
const shapes: Record<'streams' | 'apps' | 'users' | 'cases' | 'templates', Record<string, `${Kind}${'' | '?'}`>> = {
  streams: { _id: 'string', accountId: 'string', orgId: 'string', name: 'string?' },
  apps: {
    clientId: 'string',
    clientSecret: 'string',
    ownerUserId: 'string',
    streams: 'strings',
    scopes: 'strings',
    name: 'string?',
    enforceJti: 'boolean?',
  },
  users: { _id: 'string', name: 'string', profImage: 'string', emailId: 'string?', phoneNumber: 'string?' },
  cases: { _id: 'string', refId: 'string', streamId: 'string' },
  templates: { _id: 'string', streamId: 'string', name: 'string', status: 'object', priority: 'object', fields: 'array' },
};
/** Lists a tenant file may leave out; each item is checked like the required ones when present. */
const optionalShapes: Record<string, Record<string, `${Kind}${'' | '?'}`>> = {
  caseTemplates: shapes.templates,
  statuses: { _id: 'string', name: 'string', statusCategory: 'string' },
  priorities: { _id: 'string', name: 'string', color: 'string' },
  queues: { _id: 'string', name: 'string' },
};
const kindName: Record<Kind, string> = {
  string: 'a string',
  strings: 'an array of strings',
  object: 'an object',
  array: 'an array',
  boolean: 'true or false',
};

function isKind(value: unknown, kind: Kind): boolean {
  if (kind === 'strings') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (kind === 'array') return Array.isArray(value);
  if (kind === 'object') return typeof value === 'object' && value !== null && !Array.isArray(value);
  return typeof value === kind;
}

/** Structural check of the parts the sandbox relies on; returns what is wrong, empty when usable. */
export function checkTenantData(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return ['the top level must be an object'];
  const record = data as Record<string, unknown>;
  const problems: string[] = [];
  const lists = [...Object.entries(shapes), ...Object.entries(optionalShapes).filter(([list]) => record[list] !== undefined)];
  for (const [list, shape] of lists) {
    const items = record[list];
    if (!Array.isArray(items) || (items.length === 0 && list in shapes)) {
      problems.push(`"${list}" must be ${list in shapes ? 'a non-empty' : 'an'} array`);
      continue;
    }
    for (const [i, item] of items.entries()) {
      if (typeof item !== 'object' || item === null) {
        problems.push(`${list}[${i}] must be an object`);
        continue;
      }
      for (const [key, rule] of Object.entries(shape)) {
        const value = (item as Record<string, unknown>)[key];
        const kind = rule.replace('?', '') as Kind;
        if (value === undefined) {
          if (!rule.endsWith('?')) problems.push(`${list}[${i}].${key} is missing`);
        } else if (!isKind(value, kind)) problems.push(`${list}[${i}].${key} must be ${kindName[kind]}`);
      }
    }
  }
  if (problems.length === 0) problems.push(...unreachableIds(record as unknown as TenantData));
  return problems;
}

/**
 * Ids a request could never name: requests are checked for the id's prefix and character set (ids.ts), so a
 * case or template whose id lacks them would be unreachable. Any other shape is fine (ids are opaque).
 */
function unreachableIds(data: TenantData): string[] {
  const rules: [string, { _id?: string; refId?: string }[], 'caseId' | 'caseRefId' | 'taskTmp' | 'caseTmp', '_id' | 'refId'][] = [
    ['cases', data.cases, 'caseId', '_id'],
    ['cases', data.cases, 'caseRefId', 'refId'],
    ['templates', data.templates, 'taskTmp', '_id'],
    ['caseTemplates', data.caseTemplates ?? [], 'caseTmp', '_id'],
  ];
  return rules.flatMap(([list, items, kind, key]) =>
    items.flatMap((item, i) =>
      idPatterns[kind].test(item[key]!) ? [] : [`${list}[${i}].${key} must match ${idPatterns[kind]} (requests are checked for it)`],
    ),
  );
}

/** Lookup maps built once at start, so a request does no scanning. */
export interface TenantIndex {
  data: TenantData;
  streams: Map<string, Stream>;
  apps: Map<string, App>;
  users: Map<string, User>;
  usersByContact: Map<string, User>; // by emailId (lower case) and by phoneNumber
  cases: Map<string, Case>; // the seeded cases; created ones live in the case store
  templates: Map<string, TaskTemplate>;
  caseTemplates: Map<string, CaseTemplate>;
  agents: Map<string, User>; // users with an aId, by user id and by aId
  statuses: TemplateStatus[];
  priorities: TemplatePriority[];
  queues: Queue[];
}

export function indexTenant(data: TenantData): TenantIndex {
  const byId = <T extends { _id: string }>(items: T[]) => new Map(items.map((item) => [item._id, item]));
  const usersByContact = new Map<string, User>();
  for (const user of data.users) {
    if (user.emailId) usersByContact.set(user.emailId.toLowerCase(), user);
    if (user.phoneNumber) usersByContact.set(user.phoneNumber, user);
  }
  return {
    data,
    streams: byId(data.streams),
    apps: new Map(data.apps.map((app) => [app.clientId, app])),
    users: byId(data.users),
    usersByContact,
    cases: byId(data.cases),
    templates: byId(data.templates),
    caseTemplates: byId(data.caseTemplates ?? []),
    agents: new Map(
      data.users.flatMap((u) =>
        u.aId
          ? [
              [u._id, u],
              [u.aId, u],
            ]
          : [],
      ),
    ),
    statuses: data.statuses ?? distinctById([...data.templates, ...(data.caseTemplates ?? [])].map((t) => t.status)),
    priorities: data.priorities ?? distinctById([...data.templates, ...(data.caseTemplates ?? [])].map((t) => t.priority)),
    queues: data.queues ?? [],
  };
}

function distinctById<T extends { _id: string }>(items: T[]): T[] {
  return [...new Map(items.map((item) => [item._id, item])).values()];
}
