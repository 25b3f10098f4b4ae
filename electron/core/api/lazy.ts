/**
 * Modules written by other parts of the app, loaded on first use so that the API (and the
 * CLI) keep working while one of them is missing from a build, with a message that says
 * which feature is unavailable instead of a module-resolution stack trace.
 */
import { ApiError, type ApiErrorCode } from './schema.js';

function missing(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  return code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
}

async function load<T>(what: string, code: ApiErrorCode, loader: () => Promise<T>): Promise<T> {
  try {
    return await loader();
  } catch (error) {
    if (missing(error)) throw new ApiError(code, `${what} is not available in this build (${(error as Error).message.split('\n')[0]})`);
    throw error;
  }
}

export const importer = () => load('the importer', 'import-failed', () => import('../import/index.js'));
export const reviewReader = () => load('reading reviewed DOCX files', 'import-failed', () => import('../import/review/index.js'));
export const lexical = () => load('the editor conversion (model/lexical)', 'internal', () => import('../model/lexical.js'));
export const regions = () => load('the region table', 'internal', () => import('../regions/index.js'));
export const fonts = () => load('the font table', 'internal', () => import('../fonts/roles.js'));
