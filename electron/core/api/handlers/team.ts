/** team.settings.get/set and team.session: what the renderer's CollabPlugin joins with. */
import { TeamDocs } from '../../store/ydocs.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import type { TeamSettings } from '../teamSchema.js';

const SERVER = 'team.server';
const TOKEN = 'team.token';

function settings(ctx: ApiContext): TeamSettings {
  return { server: ctx.store.getSetting(SERVER), hasToken: Boolean(ctx.store.getSetting(TOKEN)) };
}

export const teamHandlers: Pick<Handlers<ApiContext>, 'team.settings.get' | 'team.settings.set' | 'team.session'> = {
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
    return { server, token, name: link.teamName };
  },
};
