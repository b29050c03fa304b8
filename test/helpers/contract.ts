/**
 * The contract as the tests read it: the contract suite's own reading of generated/openapi.json
 * (contract-tests/spec.ts: the bundle, `$ref` resolution, Ajv 2020 with formats), by component name.
 */
import { bundle, deref, validatorAt, type Json } from '../../contract-tests/spec.js';

export { bundle, deref, type Json };

/** A validator of a component schema: `validatorFor('Task')`. */
export const validatorFor = (component: string) => validatorAt(`/components/schemas/${component}`);
