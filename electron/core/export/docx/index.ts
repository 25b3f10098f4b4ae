/**
 * DOCX writer entry. The writer builds its documents with the npm `docx` package (pkg/); the
 * few things docx 9.15 cannot express are patched on the packed zip in pkg/patch.ts.
 */
export { writeDocx } from './pkg/index.js';
export { DOC_BOOKMARK_PREFIX } from './pkg/caseDocument.js';
export { MANIFEST_NS, type ExportManifest } from './package.js';
