#!/usr/bin/env node
// Entry of the headless `huibian` command. The core is TypeScript run through tsx's loader,
// so `npx huibian …` works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/core/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
