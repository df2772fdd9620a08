import { elementConfig } from '../../build/vite-element.mjs';

export default elementConfig({
  entries: { index: 'src/index.ts', define: 'src/define.ts' },
  standalone: { 'reel-admin': 'src/define.ts' },
  // The resumable uploader is admin-only and loaded on demand: bundled as a lazy chunk.
  bundled: ['tus-js-client', 'js-base64', 'url-parse', 'querystringify', 'requires-port'],
});
