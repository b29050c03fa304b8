/** Each operation's success answer schema as validator data. The build replaces this module with the extracted data. */
import spec from '../../generated/openapi.json';
import { formats } from '../schema-check.js';
import { operationSchemas } from './extract.js';

export default operationSchemas(spec, 'response', formats);
