/**
 * Each operation's request body schema as validator data, behind a loader per operation. The build replaces this module with
 * one import() per operation (schemaDataPlugin): a call loads only its own operation's schema.
 */
import spec from '../../generated/openapi.json';
import { formats, type Loaders } from '../schema-check.js';
import { operationSchemas } from './extract.js';

const schemas = operationSchemas(spec, 'request', formats);
export default Object.fromEntries(Object.keys(schemas).map((op) => [op, async () => schemas[op]!])) as Loaders;
