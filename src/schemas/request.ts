/** Each operation's request body schema as validator data. The build replaces this module with the extracted data. */
import spec from '../../generated/openapi.json';
import { formats, type Schema } from '../schema-check.js';
import { operationSchemas } from './extract.js';

const schemas: Record<string, Schema> = operationSchemas(spec, 'request', formats);
export default schemas;
