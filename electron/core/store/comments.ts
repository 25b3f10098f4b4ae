/** Review comment threads and their replies, stored beside the document they anchor in. */
import { randomUUID } from 'node:crypto';
import type { CommentThread } from '../model/types.js';
import { now, type Connection } from './connection.js';
import { StoreError } from './errors.js';
import { rowsToThread, type CommentRow, type ReplyRow } from './rows.js';

export interface NewComment {
  documentId: string;
  id?: string;
  quote: string;
  text: string;
  author: string;
  createdAt?: string;
  resolved?: boolean;
}

export class Comments {
  constructor(private readonly c: Connection) {}

  thread(id: string): CommentThread {
    const row = this.c.sql('SELECT * FROM comments WHERE id = ?').get(id) as CommentRow | undefined;
    if (!row) throw new StoreError('not-found', `没有这条批注（${id}）：它可能已被删除，请刷新后重试。`);
    const replies = this.c.sql('SELECT * FROM comment_replies WHERE thread_id = ? ORDER BY created_at, rowid').all(id) as ReplyRow[];
    return rowsToThread(row, replies);
  }

  list(documentId: string, openOnly = false): CommentThread[] {
    const rows = this.c
      .sql(`SELECT * FROM comments WHERE document_id = ? ${openOnly ? 'AND resolved = 0' : ''} ORDER BY created_at, rowid`)
      .all(documentId) as CommentRow[];
    const replies = this.c
      .sql('SELECT r.* FROM comment_replies r JOIN comments c ON c.id = r.thread_id WHERE c.document_id = ? ORDER BY r.created_at, r.rowid')
      .all(documentId) as ReplyRow[];
    return rows.map((row) => rowsToThread(row, replies.filter((r) => r.thread_id === row.id)));
  }

  add(input: NewComment): CommentThread {
    const id = input.id ?? randomUUID();
    if (this.c.sql('SELECT 1 FROM comments WHERE id = ?').get(id)) throw new StoreError('conflict', `批注 ${id} 已经存在：请勿重复添加。`);
    this.c
      .sql('INSERT INTO comments (id, document_id, quote, author, text, created_at, resolved) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.documentId, input.quote, input.author, input.text, input.createdAt ?? now(), input.resolved ? 1 : 0);
    return this.thread(id);
  }

  reply(threadId: string, input: { text: string; author: string; createdAt?: string }): CommentThread {
    this.thread(threadId);
    this.c
      .sql('INSERT INTO comment_replies (id, thread_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(randomUUID(), threadId, input.author, input.text, input.createdAt ?? now());
    return this.thread(threadId);
  }

  resolve(threadId: string, resolved: boolean): CommentThread {
    this.thread(threadId);
    this.c.sql('UPDATE comments SET resolved = ? WHERE id = ?').run(resolved ? 1 : 0, threadId);
    return this.thread(threadId);
  }

  delete(threadId: string): void {
    this.thread(threadId);
    this.c.sql('DELETE FROM comments WHERE id = ?').run(threadId);
  }

  /** Moves every thread of `from` onto `to` (merging two cases keeps both reviews). */
  reassign(from: string, to: string): void {
    this.c.sql('UPDATE comments SET document_id = ? WHERE document_id = ?').run(to, from);
  }
}
