import { elementConfig } from '../../build/vite-element.mjs';

export default elementConfig({ entries: { index: 'src/index.ts' } });
