/** team.settings.get/set and team.session: what the renderer's CollabPlugin joins with. */
import { TeamDocs } from '../../store/ydocs.js';
import { ApiError } from '../schema.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import type { TeamSettings } from '../teamSchema.js';

const SERVER = 'team.server';
const TOKEN = 'team.token';

function settings(ctx: ApiContext): TeamSettings {
  return { server: ctx.store.getSetting(SERVER), hasToken: Boolean(ctx.store.getSetting(TOKEN)) };
}

export const teamHandlers: Pick<Handlers<ApiContext>, 'team.settings.get' | 'team.settings.set' | 'team.session' | 'team.saveState'> = {
  'team.settings.get': (ctx) => settings(ctx),
  'team.settings.set': (ctx, input) => {
    if (input.server !== undefined) ctx.store.setSetting(SERVER, input.server.trim() || null);
    if (input.token !== undefined) ctx.store.setSetting(TOKEN, input.token.trim() || null);
    return settings(ctx);
  },
  'team.session': (ctx, input) => {
    const server = ctx.store.getSetting(SERVER);
    const token = ctx.store.getSetting(TOKEN);
    const link = new TeamDocs(ctx.store.db).get(input.documentId);
    if (!server || !token || !link) return null;
    return { server, token, name: link.teamName, documentId: input.documentId, local: Buffer.from(link.state).toString('base64') };
  },
  'team.saveState': async (ctx, input) => {
    // yjs loads with the first shared case saved, not with every command.
    const Y = await import('yjs');
    const docs = new TeamDocs(ctx.store.db);
    const link = docs.get(input.documentId);
    if (!link) throw new ApiError('not-found', '这篇案例没有与团队共享');
    const incoming = new Uint8Array(Buffer.from(input.state, 'base64'));
    // Merged, not replaced (a replica holding edits the editor never loaded keeps them), and
    // compacted: a document with garbage collection drops deleted text's content.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, link.state);
    Y.applyUpdate(doc, incoming);
    docs.put(input.documentId, link.teamName, Y.encodeStateAsUpdate(doc));
    doc.destroy();
    return { ok: true };
  },
};
