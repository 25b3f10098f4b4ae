/** app.info, settings, the region picker and export job progress. */
import { childRegions, searchRegions } from '../../regions/index.js';
import { TEMPLATE_IDS } from '../../templates/load.js';
import type { ApiContext } from '../context.js';
import type { Handlers } from '../dispatch.js';
import { ApiError, type ApiResults } from '../schema.js';
import { appVersion } from '../version.js';

export const appHandlers: Pick<Handlers<ApiContext>, 'app.info' | 'settings.get' | 'settings.set' | 'regions.search' | 'regions.children' | 'jobs.get'> = {
  'app.info': async (ctx) => {
    let fonts: ApiResults['app.info']['fonts'] = [];
    try {
      // Loaded here, not with the table: fontkit decodes its Unicode tables as it loads (≈50 ms),
      // which the commands that never ask for app.info (list, search, status) need not pay.
      const { resolveFonts } = await import('../../fonts/roles.js');
      fonts = resolveFonts();
    } catch {
      // a machine without the fonts still opens the library; the composer warns on export
    }
    return { version: appVersion(), dataDir: ctx.dataDir, transport: ctx.transport, templates: [...TEMPLATE_IDS], fonts };
  },
  'settings.get': (ctx) => ({ reviewerName: ctx.store.getSetting('reviewerName') }),
  'settings.set': (ctx, input) => {
    if (input.reviewerName !== undefined) ctx.store.setSetting('reviewerName', input.reviewerName.trim() || null);
    return { reviewerName: ctx.store.getSetting('reviewerName') };
  },
  'regions.search': (_ctx, input) => searchRegions(input.q, input.limit ?? 20),
  'regions.children': (_ctx, input) => childRegions(input.code),
  'jobs.get': (ctx, input) => {
    const job = ctx.jobs.get(input.id);
    if (!job) throw new ApiError('not-found', `没有这个导出任务（${input.id}）：它可能已经结束，请重新导出。`);
    return { ...job };
  },
};
