/**
 * The export manifest: the custom XML part every Huibian DOCX carries (patch.ts writes it)
 * so the review reader can recognise a reviewed file, diff its text and give comments back
 * their thread ids. The reader imports these types from here.
 */
import type { ExportedComment } from './comments.js';

export const MANIFEST_NS = 'urn:huibian:export:1';

/** What the review reader needs to recognise and diff a Huibian export. */
export interface ExportManifest {
  version: 1;
  template: string;
  exportedAt: string;
  documents: Array<{ id: string; index: number; bookmark: string; paragraphs: string[] }>;
  comments: ExportedComment[];
}
