/** Key-value settings of the library (reviewer name and the like). */
import type { Connection } from './connection.js';

export class Settings {
  constructor(private readonly c: Connection) {}

  get(key: string): string | null {
    const row = this.c.sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string | null } | undefined;
    return row?.value ?? null;
  }

  set(key: string, value: string | null): void {
    this.c.sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
