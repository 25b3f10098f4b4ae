/* global URL */
// Module hook: resolves 'electron' to the recording stand-in (see fake-electron.mjs).
const fake = new URL('./fake-electron.mjs', import.meta.url).href;
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true };
  return next(specifier, context);
}
