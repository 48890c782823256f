// Bundles the dashboard into ../wwwroot, which the server serves as static files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'wwwroot');
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(here, 'src', 'main.js')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2020',
  outfile: join(out, 'app.js'),
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
copyFileSync(join(here, 'src', 'index.html'), join(out, 'index.html'));
copyFileSync(join(here, 'src', 'style.css'), join(out, 'style.css'));
// Natural Earth country shapes (public domain) via the world-atlas package, served offline.
copyFileSync(join(here, 'node_modules', 'world-atlas', 'countries-110m.json'), join(out, 'countries-110m.json'));
console.log(`dashboard built into ${out}`);
