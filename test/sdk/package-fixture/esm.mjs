// Uses the installed package from ESM: a static-jwt call, a minted-token call, an error class.
import { createKoreClient, RateLimitError, KoreError, RequestValidationError } from 'kore-case-management';

const task = { _id: 'ti-73acd32-0123-4114-9891-00a950aaxxxx', refId: 'TS000102' };
const body = {
  caseId: 'ci-31d9184-d64d-42d9-8c75-5edba531xxxx',
  caseRefId: 'CS000131',
  taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939xxxx',
  userInfo: { name: 'dummy', emailId: 'dummy@mailinator.com' },
  source: 'rtm',
};
const seen = [];
const fetch = async (request) => {
  seen.push(request.headers.get('auth').split('.').length);
  return seen.length === 2
    ? new Response('{"errors":[{"msg":"slow down","code":429}]}', { status: 429 })
    : new Response(JSON.stringify(task), { status: 200 });
};
const minted = createKoreClient({ streamId: 'st-1', clientId: 'cs-1', clientSecret: 'secret-123456', fetch, maxRetries: 0 });
const created = await minted.createTask(body);
let rateLimited = false;
try {
  await minted.createTask(body);
} catch (e) {
  rateLimited = e instanceof RateLimitError && e instanceof KoreError && e.status === 429;
}
let invalid = false;
try {
  await minted.createTask({ ...body, userInfo: { name: 'x' } });
} catch (e) {
  invalid = e instanceof RequestValidationError && e.problems[0].path === 'userInfo';
}
console.log(JSON.stringify({ refId: created.refId, rateLimited, invalid, jwtParts: seen[0] }));
