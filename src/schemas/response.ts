/**
 * Each operation's answer schema as validator data, behind a loader. The build replaces this module with one import()
 * per operation, so a client that validates answers loads only the schemas of the operations it calls.
 */
import spec from '../../generated/openapi.json';
import { formats, type Loaders } from '../schema-check.js';
import { operationSchemas } from './extract.js';

const schemas = operationSchemas(spec, 'response', formats);
const loaders: Loaders = Object.fromEntries(Object.keys(schemas).map((op) => [op, async () => ({ default: schemas[op]! })]));
export default loaders;
