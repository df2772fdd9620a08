import { registerIcons } from '@reel/ui';
import { svg } from 'lit';

/** Device icons the security page needs beyond @reel/ui's set (24×24, stroked in currentColor). */
export function registerSecurityIcons(): void {
  registerIcons({
    smartphone: { template: svg`<rect x="6.5" y="2.5" width="11" height="19" rx="2.2"/><path d="M10.5 18.5h3"/>` },
    tablet: { template: svg`<rect x="4" y="3" width="16" height="18" rx="2.2"/><path d="M10.5 18h3"/>` },
    gamepad: {
      template: svg`<path d="M7 8h10a4 4 0 0 1 3.9 4.8l-.8 3.6a2.4 2.4 0 0 1-4.2 1L14.5 16h-5l-1.4 1.4a2.4 2.4 0 0 1-4.2-1l-.8-3.6A4 4 0 0 1 7 8Z"/><path d="M8 11v3M6.5 12.5h3M15.5 12h.01M17.5 13.5h.01"/>`,
    },
  });
}
