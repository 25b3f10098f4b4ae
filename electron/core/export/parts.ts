/**
 * What both writers read the same way from a collection: its cases by id, its parts (篇) in
 * order with the cases that exist, the 篇 title and a case's title as printed. One copy, so
 * the PDF and the DOCX book never disagree on which cases a part holds or what it is called.
 */
import type { CaseDocument, CollectionBundle } from '../model/types.js';

export function bundleCases(bundle: CollectionBundle): Map<string, CaseDocument> {
  return bundle.cases instanceof Map ? bundle.cases : new Map(Object.entries(bundle.cases));
}

/** The collection's parts in order, each with its cases in order (ids without a document are skipped). */
export function caseList(bundle: CollectionBundle): { title: string; cases: CaseDocument[] }[] {
  const cases = bundleCases(bundle);
  return bundle.collection.sections.map((s) => ({ title: s.title, cases: s.caseIds.map((id) => cases.get(id)).filter((c): c is CaseDocument => !!c) }));
}

/** A case's title as printed; an untitled draft still gets a line in the book and the 目录. */
export function titleOf(doc: CaseDocument): string {
  return doc.meta.title?.trim() || '（无标题）';
}

/** 篇 titles as printed: the section's category plus 篇. */
export function partTitle(title: string): string {
  return /篇$/.test(title) ? title : `${title}篇`;
}
