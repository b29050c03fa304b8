/** Every check by name, in report order. Each is independent: it can run alone (the corpus is sent on first use). */
import type { Check } from '../context.js';
import type { CheckName } from '../types.js';
import { auth } from './auth.js';
import { clientAgreement } from './client-agreement.js';
import { contentTypeConformance } from './content-type.js';
import { negativeDataRejection } from './negative-data.js';
import { pagingConformance } from './paging.js';
import { positiveDataAcceptance } from './positive-data.js';
import { propertyBased } from './property-based.js';
import { responseHeaderConformance } from './response-headers.js';
import { responseSchemaConformance } from './response-schema.js';
import { semantic } from './semantic.js';
import { statefulLinks } from './stateful-links.js';
import { statusCodeConformance } from './status-code.js';
import { undocumentedFields } from './undocumented-fields.js';

export const checks: Record<CheckName, Check> = {
  status_code_conformance: statusCodeConformance,
  content_type_conformance: contentTypeConformance,
  response_schema_conformance: responseSchemaConformance,
  response_header_conformance: responseHeaderConformance,
  positive_data_acceptance: positiveDataAcceptance,
  negative_data_rejection: negativeDataRejection,
  auth,
  semantic,
  undocumented_fields: undocumentedFields,
  property_based: propertyBased,
  client_agreement: clientAgreement,
  stateful_links: statefulLinks,
  paging_conformance: pagingConformance,
};
