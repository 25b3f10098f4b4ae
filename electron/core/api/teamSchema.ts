/**
 * The team part of the API table: the desktop's team-server settings and the session a case
 * editor needs to join a shared case. Spread into apiInputs / ApiResults in schema.ts.
 */
import { z } from 'zod';

const id = z.string().min(1).max(64);

export const teamInputs = {
  'team.settings.get': z.object({}).strict(),
  /** Server URL (ws:// or wss://) and token; an empty string clears one. */
  'team.settings.set': z
    .object({
      server: z.string().max(500).refine((v) => v === '' || /^wss?:\/\/[^\s]+$/.test(v), '服务器地址须以 ws:// 或 wss:// 开头').optional(),
      token: z.string().max(200).optional(),
    })
    .strict(),
  /** For a case shared with the team (team share/pull linked it): where and as what to join. */
  'team.session': z.object({ documentId: id }).strict(),
  /** The editor's Yjs state of a shared case (base64), kept in the library as its offline replica. */
  'team.saveState': z.object({ documentId: id, state: z.string().max(50_000_000) }).strict(),
} as const;

export interface TeamSettings {
  server: string | null;
  /** Whether a token is saved; the token itself is never shown again. */
  hasToken: boolean;
}

export interface TeamSession {
  server: string;
  token: string;
  /** Team document name, `<collectionId>/<caseId>`. */
  name: string;
  documentId: string;
  /** The library's replica of the case (base64 Yjs update): edits made offline reach the server from it. */
  local: string | null;
}

export interface TeamResults {
  'team.settings.get': TeamSettings;
  'team.settings.set': TeamSettings;
  'team.session': TeamSession | null;
  'team.saveState': { ok: true };
}
