import { elementConfig } from '../../build/vite-element.mjs';
import { hlsBuild } from './src/engine/hls-build.mjs';

export default elementConfig({
  entries: { index: 'src/index.ts', define: 'src/define.ts' },
  standalone: { 'reel-player': 'src/define.ts' },
  ...hlsBuild,
});
