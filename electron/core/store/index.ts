/** The library file and what it hands out; see library.ts for the facade. */
export { Library, openLibrary, type LibraryOptions } from './library.js';
export { StoreError, type StoreErrorCode } from './errors.js';
export type { DocSummary } from './rows.js';
export type { SearchRow } from './search.js';
export type { CollectionSummary, CollectionPatch, NewCollection } from './collections.js';
export type { DocumentFilters, RevisedText, SavePatch, SaveResult, StoredDocument } from './documents.js';
export { unpack as revisionText, type RevisionSummary, type RevisionContent } from './revisions.js';
export type { CommitOptions, CommitResult, Duplicate, KnownFile } from './imports.js';
export type { StatusChange, StatusSkip } from './lifecycle.js';
export { TRASH_RETENTION_DAYS, type TrashedCollection, type TrashedDocument } from './trash.js';
export type { MergeUndo } from './merges.js';
export type { ContinuityCandidate, ContinuityChoice, ContinuityReport } from './continuity.js';
export { defaultDataDir, libraryPath } from './paths.js';
export { setClock } from './connection.js';
