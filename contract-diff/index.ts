/** Breaking-change detection between two OpenAPI 3.x documents (local $refs, allOf/anyOf/oneOf understood). */
export { type Change, type ChangeKind, type Side, isBreaking } from './changes.js';
export { diffDocuments } from './document-diff.js';
export { judge, compareVersions, parseVersion, type Verdict } from './gate.js';
export { formatChangelog } from './changelog.js';
export { latestRelease, releasedVersions } from './releases.js';
