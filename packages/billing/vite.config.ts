import { elementConfig } from '../../build/vite-element.mjs';

export default elementConfig({
  entries: { index: 'src/index.ts', define: 'src/define.ts' },
  standalone: { 'reel-billing': 'src/define.ts' },
});
