/** Breaking-change detection between two OpenAPI 3.x documents (local $refs, allOf/anyOf/oneOf understood). */
export { diffDocuments } from './document-diff.js';
export { judge, compareVersions, parseVersion } from './gate.js';
export { formatChangelog } from './changelog.js';
export { latestRelease } from './releases.js';
