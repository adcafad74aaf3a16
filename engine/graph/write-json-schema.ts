/** `npm run schema`: regenerates engine/graph/netloom.graph.schema.json after a change to schema.ts. */
import { writeFileSync } from 'node:fs';
import { graphJsonSchemaText } from './json-schema.ts';

const target = new URL('./netloom.graph.schema.json', import.meta.url);
writeFileSync(target, graphJsonSchemaText());
console.log(`wrote ${target.pathname}`);
