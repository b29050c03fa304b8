/**
 * The checks that need the tenant: the case, its reference and the template must exist in the stream
 * (unknown ones are a 400 naming the field: the path's resource is the stream, these are body values),
 * and who the task is for and by.
 */
import { contactUserId } from '../store/ids.js';
import type { PersonRef } from './records.js';
import type { App, Stream, TaskTemplate, TenantIndex } from '../tenant/tenant.js';
import type { CreateTaskInput, UserInfoInput } from './inputs.js';

export interface Resolved {
  template: TaskTemplate;
}

/**
 * `caseOf`: the case store's lookup (seeded and created cases), by id: its stream (`iId`) and `refId`. `lenient`
 * (the drift that skips validation) refuses nothing: any template will do.
 */
export function resolveReferences(
  input: CreateTaskInput,
  stream: Stream,
  tenant: TenantIndex,
  caseOf: (id: string) => { iId: string; refId: string } | undefined,
  lenient = false,
): Resolved | string[] {
  if (lenient)
    return {
      template: tenant.templates.get(input.taskTmp) ?? tenant.data.templates.find((t) => t.streamId === stream._id) ?? tenant.data.templates[0]!,
    };
  const problems: string[] = [];
  const found = caseOf(input.caseId);
  if (!found || found.iId !== stream._id) problems.push(`caseId: no case ${input.caseId} in stream ${stream._id}`);
  else if (found.refId !== input.caseRefId) problems.push(`caseRefId: ${input.caseRefId} is not the reference id of case ${input.caseId}`);
  const template = tenant.templates.get(input.taskTmp);
  if (!template || template.streamId !== stream._id) problems.push(`taskTmp: no task template ${input.taskTmp} in stream ${stream._id}`);
  if (problems.length > 0 || !template) return problems;
  return { template };
}

/** The task's `userInfo`: the given `_id`, else the known user with that email or phone, else a stable contact id. */
export function taskUser(userInfo: UserInfoInput, tenant: TenantIndex): { _id: string; name: string } {
  if (userInfo._id) return { _id: userInfo._id, name: userInfo.name };
  const contact = userInfo.emailId ?? userInfo.phoneNumber ?? '';
  const known = tenant.usersByContact.get(userInfo.emailId?.toLowerCase() ?? '') ?? tenant.usersByContact.get(userInfo.phoneNumber ?? '');
  return { _id: known?._id ?? contactUserId(contact), name: userInfo.name };
}

/** `createdBy`: the token's `sub` when it is a tenant user (by id or email), else the app's owner. */
export function taskCreator(sub: string, app: App, tenant: TenantIndex): PersonRef {
  const user = tenant.users.get(sub) ?? tenant.usersByContact.get(sub.toLowerCase()) ?? tenant.users.get(app.ownerUserId);
  if (user) return { name: user.name, _id: user._id, profImage: user.profImage };
  // an owner the tenant file does not list as a user: the app stands in for it
  return { name: app.name ?? app.clientId, _id: app.ownerUserId, profImage: 'no-avatar' };
}
