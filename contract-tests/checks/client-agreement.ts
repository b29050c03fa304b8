/**
 * client_agreement: every body the typed clients put on the wire validates against its operation's request schema,
 * and the SDK's response validation refuses exactly the 2xx answers that break the contract.
 */
import { severity } from '../severity.js';
import { describeErrors, specOf, validateRequestBody, validatorAt } from '../spec.js';
import type { Check } from '../context.js';
import { about, verdict, type Finding } from './verdict.js';

export const clientAgreement: Check = async (ctx) => {
  const { exchanges } = await ctx.corpus();
  const typed = exchanges.filter((x) => x.via !== 'fetch' && x.request.body !== undefined);
  const failures: Finding[] = [];
  for (const x of typed) {
    let sent: unknown;
    try {
      sent = JSON.parse(x.request.body!);
    } catch {
      failures.push(about(x, '(request body)', 'the client sent a body that is not JSON', severity({ about: 'rule', rule: 'documented' })));
      continue;
    }
    // The generator-client probe that needs a type cast sends what the contract allows; the cast is in its name.
    if (!validateRequestBody(sent, x.operation)) {
      const errors = describeErrors(validatorAt(specOf(x.operation).requestPointer).errors);
      // A value constraint (an id's pattern: ids are opaque, the tenant's own may be shaped otherwise) is inferred.
      for (const e of errors)
        failures.push(
          about(
            x,
            e.path,
            `the client sent a body the contract refuses: ${e.path} ${e.message}`,
            severity({ about: 'request-body', keyword: e.keyword }),
          ),
        );
    }
  }
  // The SDK validates createTask's answers; the family's calls go through its openapi-fetch client (no validation yet).
  const sdkAnswers = exchanges.filter(
    (x) => x.via === 'sdk' && x.operation === 'createTask' && x.response && x.response.status >= 200 && x.response.status < 300,
  );
  const validate = validatorAt('/components/schemas/Task');
  for (const x of sdkAnswers) {
    const conforms = validate(x.response!.json) === true;
    const sdkRefused = x.clientError?.startsWith('ResponseValidationError') ?? false;
    const disagrees = (message: string) =>
      failures.push(about(x, '(SDK response validation)', message, severity({ about: 'rule', rule: 'documented' })));
    if (conforms && sdkRefused) disagrees(`the SDK refuses an answer the contract accepts: ${x.clientError}`);
    if (!conforms && !sdkRefused) disagrees(`the SDK accepted an answer that breaks the contract (${describeErrors(validate.errors)[0]?.path})`);
  }
  return verdict('client_agreement', {
    findings: failures,
    ran: typed.length > 0,
    passed: [
      `${typed.length} bodies sent by the typed clients conform to their operation's request schema; the SDK's response validation agrees with the contract on ${sdkAnswers.length} answers`,
    ],
  });
};
