// `npm run hub:openapi`: writes the hub's OpenAPI document (generated from the zod schemas) to
// src-hub/openapi.json, the copy kept in the repository. A test fails while the two differ.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiText } from '../src-hub/openapi.js';

const target = fileURLToPath(new URL('../src-hub/openapi.json', import.meta.url));
writeFileSync(target, openApiText());
console.log(`wrote ${target}`);
