// Uses the installed package from CommonJS, minting a token (jose is ESM-only: the package loads it with import()).
const { createKoreClient, APIError, NotFoundError } = require('kore-case-management');

const body = {
  caseId: 'ci-31d9184-d64d-42d9-8c75-5edba531xxxx',
  caseRefId: 'CS000131',
  taskTmp: 'ttm-16623a9-c63c-4bda-b1e4-14754939xxxx',
  userInfo: { _id: 'u-fd371c0a-3168-5a02-83dd-f4ba5597xxxx', name: 'dummy' },
  source: 'rtm',
};
let auth;
const fetch = async (request) => {
  auth = request.headers.get('auth');
  return new Response('{"errors":[{"msg":"no such case","code":404}]}', { status: 404 });
};
const client = createKoreClient({ streamId: 'st-1', clientId: 'cs-1', clientSecret: 'secret-123456', fetch });
client.createTask(body).catch((e) => {
  console.log(
    JSON.stringify({ notFound: e instanceof NotFoundError && e instanceof APIError, message: e.message, jwtParts: auth.split('.').length }),
  );
});
