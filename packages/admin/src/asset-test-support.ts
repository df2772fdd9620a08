// Shared by the media-asset panels' browser tests: the demo admin signed in on a themed page,
// typing, choosing a file, pressing buttons and answering the confirmation dialog.
import { waitUntil } from '@open-wc/testing';
import { authLogin } from '@reel/contracts';
import type { ReelAuthProvider } from '@reel/core';
import { settled, signOut } from '@reel/title-card/testing';

export const root = (el: Element) => el.shadowRoot as ShadowRoot;

export async function adminPage(): Promise<{
  page: HTMLElement;
  provider: ReelAuthProvider;
  close: () => Promise<void>;
}> {
  await signOut();
  const page = document.createElement('div');
  page.dataset.reelTheme = 'dark';
  page.className = 'reel-test-page';
  document.body.append(page);
  const provider = document.createElement('reel-auth-provider') as ReelAuthProvider;
  page.append(provider);
  await settled(provider);
  const session = provider.session;
  if (!session) throw new Error('no session');
  const tokens = await session.client.call(authLogin, {
    body: { email: 'admin@reel.test', password: 'reel-admin-demo' },
  });
  if (!('access_token' in tokens)) throw new Error('the demo admin has no MFA');
  session.acceptTokens(tokens);
  await waitUntil(() => provider.status === 'signed-in', 'signed in');
  return {
    page,
    provider,
    close: async () => {
      page.remove();
      await signOut();
    },
  };
}

export function press(target: Element): void {
  const native = target.shadowRoot?.querySelector<HTMLElement>('button, a') ?? (target as HTMLElement);
  native.click();
}

/** Types into a reel-text-field. */
export function type(field: Element, value: string): void {
  const input = field.shadowRoot?.querySelector('input, textarea') as HTMLInputElement;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Chooses a file in a panel's file input. */
export function chooseFile(el: Element, file: File): void {
  const input = root(el).querySelector('input[type="file"]') as HTMLInputElement;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export const field = (el: Element, name: string) =>
  root(el).querySelector(`form [name="${name}"]`) as HTMLElement & { value: string; error: string };

export function submit(el: Element): void {
  press(root(el).querySelector('form reel-button[type="submit"]') as Element);
}

/** Presses the confirm button of the open confirmation dialog in `host`. */
export async function confirm(host: Element): Promise<void> {
  let dialog: Element | null = null;
  await waitUntil(
    () => {
      dialog =
        [...root(host).querySelectorAll('reel-confirm-dialog')].find((d) => (d as { open?: boolean }).open) ?? null;
      return dialog;
    },
    'a confirmation is asked',
    { timeout: 4000 },
  );
  const button = (dialog as unknown as Element).shadowRoot?.querySelector('[part="confirm-button"]') as HTMLElement;
  press(button);
}

/** An image of the given size, as a PNG file. */
export async function pngFile(width: number, height: number, name = 'art.png'): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
  ctx.fillStyle = '#3050a0';
  ctx.fillRect(0, 0, width, height);
  const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b as Blob), 'image/png'));
  return new File([blob], name, { type: 'image/png' });
}
