/** The Task schema as validator data. The build replaces this module with the extracted data itself. */
import spec from '../../generated/openapi.json';
import { responseFormats } from '../schema-check.js';
import { extractSchema } from './extract.js';

export default extractSchema(spec, 'Task', responseFormats);
