// Copies the console's front-end packages (installed by `npm ci` from package-lock.json) into the folder the API serves,
// so the console never loads anything from a CDN. Run by `make console`; the copies are git-ignored.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'functions/api/src/main/resources/META-INF/resources/console/vendor');

// served as .js: browsers load modules only with a JavaScript content type, which the server gives .js files
const files = {
  'htm/preact/standalone.module.js': 'preact-htm.js',
  'htm/LICENSE': 'preact-htm.LICENSE.txt',
  'echarts/dist/echarts.esm.min.js': 'echarts.js',
  'echarts/LICENSE': 'echarts.LICENSE.txt',
};

mkdirSync(vendor, { recursive: true });
for (const [from, to] of Object.entries(files)) {
  copyFileSync(join(root, 'node_modules', from), join(vendor, to));
}
writeFileSync(join(vendor, '.copied'), '');
console.log(`console packages copied to ${vendor}`);
