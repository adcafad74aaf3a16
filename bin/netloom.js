#!/usr/bin/env node
// The `netloom` command. The CLI is written in TypeScript; tsx's loader runs it directly from source, so the
// command always matches the code in the repository and needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../engine/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
