/**
 * Brings a reviewer's Word/WPS comments back onto the documents they were made on: a comment
 * that went out from Huibian updates its thread (new replies, resolved state), any other
 * comment becomes a new thread. All of one file's comments go in one transaction.
 */
import type { Library } from '../store/index.js';
import type { ReviewImport } from '../model/imported.js';

export interface ReviewOutcome {
  threadsAdded: number;
  threadsUpdated: number;
  repliesAdded: number;
}

export function applyReview(store: Library, review: ReviewImport): ReviewOutcome {
  const outcome: ReviewOutcome = { threadsAdded: 0, threadsUpdated: 0, repliesAdded: 0 };
  store.transaction(() => {
    for (const c of review.comments) {
      let doc;
      try {
        doc = store.getDocument(c.documentId);
      } catch {
        continue; // the document was deleted since the export
      }
      const existing = c.threadId ? store.listComments(doc.document.id).find((t) => t.id === c.threadId) : undefined;
      if (existing) {
        const known = new Set(existing.replies.map((r) => `${r.author}\u0000${r.text}`));
        for (const r of c.replies) {
          if (known.has(`${r.author}\u0000${r.text}`)) continue;
          store.replyComment(existing.id, { author: r.author, text: r.text, createdAt: r.date ?? undefined });
          outcome.repliesAdded++;
        }
        if (existing.resolved !== c.resolved) store.resolveComment(existing.id, c.resolved);
        outcome.threadsUpdated++;
        continue;
      }
      const thread = store.addComment({
        documentId: doc.document.id,
        quote: c.quote,
        text: c.text,
        author: c.author || '审阅人',
        createdAt: c.date ?? undefined,
        resolved: c.resolved,
      });
      for (const r of c.replies) {
        store.replyComment(thread.id, { author: r.author, text: r.text, createdAt: r.date ?? undefined });
        outcome.repliesAdded++;
      }
      outcome.threadsAdded++;
    }
  });
  return outcome;
}
