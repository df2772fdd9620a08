import { elementConfig } from '../../build/vite-element.mjs';

export default elementConfig({
  entries: { index: 'src/index.ts', define: 'src/define.ts' },
  standalone: { 'reel-watchlist': 'src/define.ts' },
});
