/**
 * The default tenant: what `npm run sandbox` serves when no `--data FILE` is given.
 * Ids follow the seed page's samples with the masked `xxxx` replaced by hex digits.
 */
import { caseManagementScope, type TaskTemplate, type TemplateField, type TemplatePriority, type TemplateStatus, type TenantData } from './tenant.js';

/** The ids a client needs to call the sandbox (what the CLI prints and tests use). */
export interface SeedInfo {
  streamId: string;
  caseId: string;
  caseRefId: string;
  caseTemplateId: string; // ctm-… for createCase ('' when the tenant has none)
  taskTemplateId: string;
  accountId: string;
  userId: string; // a user known to the tenant (the dev app's owner)
  clientId: string; // the dev app
  clientSecret: string; // the dev app's: a fixed value that opens only the local sandbox
}

// A fixed development secret: it protects nothing but the local sandbox. Override with --client-secret.
export const DEV_CLIENT_ID = 'cs-5e0d1a4f-9b1c-5a8e-b6c2-3f7d9e2a1b04';
export const DEV_CLIENT_SECRET = 'sandbox-dev-secret-3Qm7vK2pX9rT4wLz8NcY6hB1';

export const SEED = {
  accountId: '6639f7bd58c97ffac03b1a2c',
  orgId: 'o-85e72576-06a6-5c0b-8844-25fa0cd61f42',
  streamId: 'st-084d3c5e-376a-559f-9987-a012bb2b5d1e',
  otherStreamId: 'st-5b0e2c71-8d4f-5a63-9e1b-7c2d4f6a8b90', // another account's stream
  otherAccountId: '65a1c2d3e4f5a6b7c8d9e0f1',
  caseId: 'ci-31d9184-d64d-42d9-8c75-5edba5313a6f',
  caseRefId: 'CS000131',
  secondCaseId: 'ci-4b7e2a1-5c3d-4e8f-9a0b-1c2d3e4f5a6b',
  secondCaseRefId: 'CS000132',
  otherStreamCaseId: 'ci-8f1e3d2-7a6b-4c5d-8e9f-0a1b2c3d4e5f',
  otherStreamCaseRefId: 'CS000007',
  taskTemplateId: 'ttm-16623a9-c63c-4bda-b1e4-147549393b7c',
  caseTemplateId: 'ctm-d4e6152-4255-4c5c-ba6c-91dac5cd7e21',
  agentId: 'a-005c549-c9a4-441e-adc2-781a3a01b2c3', // the creator "hi hi" is also an agent
  secondAgentUserId: 'u-04a27d8d-9ada-50e8-b582-0ea4df5a6c71', // "Mike Brown", another agent
  secondAgentId: 'a-e64c3ed-0883-4151-b247-55ea23929d04',
  queueId: 'qu-0d1624a-8682-415c-8bbd-16d2299c4e17', // "Default Queue"
  secondQueueId: 'qu-5e2a7b1-3c4d-4e5f-8a9b-0c1d2e3f4a5c', // "SupportQueue1"
  otherStreamTemplateId: 'ttm-2d4f6a8-1b3c-4d5e-8f7a-9b0c1d2e3f4a',
  creatorUserId: 'u-9471a3c6-d950-5720-a812-fbc1ac9f2e51', // "hi hi": the dev app's owner
  contactUserId: 'u-fd371c0a-3168-5a02-83dd-f4ba55973c10', // "dummy": the sample request's user
  otherAppClientId: 'cs-7a2b9c1d-3e4f-5a6b-8c7d-9e0f1a2b3c4d', // allowed only on the other stream: 403
  otherAppSecret: 'sandbox-other-app-secret-Vt8Lq2Zr5Hn9Kw3Jx6Pc',
  noScopeClientId: 'cs-1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b', // lacks the API scope: 401
  noScopeSecret: 'sandbox-no-scope-secret-Rb4Ty7Um1Io3Pa6Sd9Fg',
  jtiClientId: 'cs-9c8b7a6f-5e4d-4c3b-9a2f-1e0d9c8b7a6f', // enforces jti: one use per token, exp <= 1 h
  jtiSecret: 'sandbox-jti-app-secret-Wq2Er5Ty8Ui1Op4As7Dx',
} as const;

function systemField(id: string, name: string, displayName: string, dataType: string, desc: string, placeholder: string): TemplateField {
  return {
    _id: id,
    show: true,
    displayName,
    lname: displayName.toLowerCase(),
    desc,
    isEnabled: true,
    isActive: true,
    metaData: { type: dataType, displayName, name, description: desc, placeholder, readOnly: false, tooltipText: desc },
    type: 'system',
    required: true,
    dataType,
  };
}

const openStatus: TemplateStatus = { _id: 'sts-a3ed479-e945-4b59-a0c0-4369472a5d18', name: 'Open', statusCategory: 'open' };
const mediumPriority: TemplatePriority = { _id: 'pr-cad98ea-d89c-489b-acc7-e86341e59a47', name: 'Medium', color: '#16A34A', score: 10 };

/** What a case or task may be set to (the samples show Open, In-Progress, Medium and Critical). */
const statuses: TemplateStatus[] = [
  openStatus,
  { _id: 'sts-6c1d2e3-4f5a-4b6c-8d7e-9f0a1b2c3d4e', name: 'In-Progress', statusCategory: 'inprogress' },
  { _id: 'sts-7d2e3f4-5a6b-4c7d-9e8f-0a1b2c3d4e5f', name: 'Resolved', statusCategory: 'resolved' },
  { _id: 'sts-8e3f4a5-6b7c-4d8e-af90-1b2c3d4e5f60', name: 'Closed', statusCategory: 'closed' },
];
// Each with the `desc` the older pages and the updateCase sample show ("Moderate urgency" for Medium).
const priorities: TemplatePriority[] = [
  { _id: 'pr-1a2b3c4-d5e6-4f70-8a9b-c0d1e2f3a4b5', name: 'Low', color: '#2563EB', score: 5, desc: 'Low urgency' },
  { ...mediumPriority, desc: 'Moderate urgency' },
  { _id: 'pr-2b3c4d5-e6f7-4a81-9bac-d1e2f3a4b5c6', name: 'High', color: '#EA580C', score: 20, desc: 'High urgency' },
  { _id: 'pr-3c4d5e6-f7a8-4b92-acbd-e2f3a4b5c6d7', name: 'Critical', color: '#DC2626', score: 30, desc: 'Critical urgency' },
];

const systemFields: TemplateField[] = [
  systemField('fd-0c85264-e40d-48b9-ab6a-896e09ad4c21', 'dueDate', 'Due Date', 'datetime', 'Date/time to complete a case', 'Enter date'),
  systemField(
    'fd-9d30e02-0147-4077-9daa-c480c8d17e35',
    'description',
    'Description',
    'textarea',
    'Transcription based on the conversation summary',
    'Enter description',
  ),
  systemField('fd-7a49002-b492-413d-9c9d-bde3da27b86f', 'title', 'Title', 'input', 'Title of the field', 'Enter title'),
];

// A case's system fields, in the order of the createCase sample response.
const caseSystemFields: TemplateField[] = [
  systemField(
    'fd-3380ddb-a87d-4b25-8db6-5002e5c84d10',
    'description',
    'Description',
    'textarea',
    'Transcription based on the conversation summary',
    'Enter description',
  ),
  systemField('fd-7ab71aa-5da2-4cd1-a7ec-0e2468b85e21', 'dueDate', 'Due Date', 'datetime', 'Date/time to complete a case', 'Enter date'),
  systemField('fd-a165979-63b6-498b-85b8-c48098ed6f32', 'title', 'Title', 'input', 'Title of the field', 'Enter title'),
];

function template(id: string, streamId: string, name: string, fields = systemFields): TaskTemplate {
  return { _id: id, streamId, name, status: openStatus, priority: mediumPriority, fields };
}

export function defaultTenant(clientId = DEV_CLIENT_ID, clientSecret = DEV_CLIENT_SECRET): TenantData {
  const scopes = [caseManagementScope];
  return {
    streams: [
      { _id: SEED.streamId, name: 'Support bot', accountId: SEED.accountId, orgId: SEED.orgId },
      { _id: SEED.otherStreamId, name: 'Other account bot', accountId: SEED.otherAccountId, orgId: 'o-2c4e6a8b-1d3f-5a7c-9e0b-2d4f6a8c0e1f' },
    ],
    apps: [
      { clientId, clientSecret, name: 'Sandbox dev app', ownerUserId: SEED.creatorUserId, streams: [SEED.streamId], scopes },
      {
        clientId: SEED.otherAppClientId,
        clientSecret: SEED.otherAppSecret,
        name: 'Other stream app',
        ownerUserId: SEED.creatorUserId,
        streams: [SEED.otherStreamId],
        scopes,
      },
      {
        clientId: SEED.noScopeClientId,
        clientSecret: SEED.noScopeSecret,
        name: 'App without the API scope',
        ownerUserId: SEED.creatorUserId,
        streams: [SEED.streamId],
        scopes: ['Bot Builder'],
      },
      {
        clientId: SEED.jtiClientId,
        clientSecret: SEED.jtiSecret,
        name: 'App enforcing JTI',
        ownerUserId: SEED.creatorUserId,
        streams: [SEED.streamId],
        scopes,
        enforceJti: true,
      },
    ],
    users: [
      { _id: SEED.creatorUserId, aId: SEED.agentId, name: 'hi hi', emailId: 'hi@example.com', profImage: 'no-avatar' },
      { _id: SEED.secondAgentUserId, aId: SEED.secondAgentId, name: 'Mike Brown', emailId: 'mike.brown@example.com', profImage: 'no-avatar' },
      { _id: SEED.contactUserId, name: 'dummy', emailId: 'dummy@mailinator.com', phoneNumber: '+15550100', profImage: 'no-avatar' },
    ],
    cases: [
      { _id: SEED.caseId, refId: SEED.caseRefId, streamId: SEED.streamId, name: 'Billing question' },
      { _id: SEED.secondCaseId, refId: SEED.secondCaseRefId, streamId: SEED.streamId, name: 'Delivery delayed' },
      { _id: SEED.otherStreamCaseId, refId: SEED.otherStreamCaseRefId, streamId: SEED.otherStreamId, name: 'Other account case' },
    ],
    templates: [
      template(SEED.taskTemplateId, SEED.streamId, 'Follow-up task'),
      template(SEED.otherStreamTemplateId, SEED.otherStreamId, 'Other stream task'),
    ],
    caseTemplates: [template(SEED.caseTemplateId, SEED.streamId, 'Sales', caseSystemFields)],
    statuses,
    priorities,
    queues: [
      { _id: SEED.queueId, name: 'Default Queue' },
      { _id: SEED.secondQueueId, name: 'SupportQueue1' },
    ],
  };
}

/** The ids a client needs: the first app, its first stream, that stream's first case and template. */
export function seedInfoOf(data: TenantData): SeedInfo {
  const app = data.apps[0]!;
  const streamId = app.streams[0] ?? data.streams[0]!._id;
  const stream = data.streams.find((s) => s._id === streamId) ?? data.streams[0]!;
  const firstCase = data.cases.find((c) => c.streamId === stream._id) ?? data.cases[0]!;
  const firstTemplate = data.templates.find((t) => t.streamId === stream._id) ?? data.templates[0]!;
  const caseTemplate = data.caseTemplates?.find((t) => t.streamId === stream._id) ?? data.caseTemplates?.[0];
  return {
    streamId: stream._id,
    caseId: firstCase._id,
    caseRefId: firstCase.refId,
    caseTemplateId: caseTemplate?._id ?? '',
    taskTemplateId: firstTemplate._id,
    accountId: stream.accountId,
    userId: app.ownerUserId,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
  };
}
