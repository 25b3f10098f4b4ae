/**
 * One open library file: the better-sqlite3 handle, its statements (prepared once per
 * connection and SQL text: parsing the same statement per row was a large share of import
 * time) and the transaction helper every multi-row write goes through.
 */
import type Database from 'better-sqlite3';

export class Connection {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  sql(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) {
      stmt = this.db.prepare(text);
      this.statements.set(text, stmt);
    }
    return stmt;
  }

  /** Runs `fn` in a transaction (a savepoint when one is already open). */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}

let clock: () => Date = () => new Date();

/** The time stamps every write records. */
export function now(): string {
  return clock().toISOString();
}

/** Replaces the clock (simulations of months of editing in the bench and tests); returns a restore function. */
export function setClock(next: () => Date): () => void {
  const previous = clock;
  clock = next;
  return () => {
    clock = previous;
  };
}
