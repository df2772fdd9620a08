import type { Transport } from '@reel/client';
import { catalogThumbnailSprite, type ThumbnailSprite } from '@reel/contracts';
import type { SpriteFrame } from './card-template.js';
import { mediaUrl } from './media.js';

/** Sprite metadata per title, shared by every card on the page; null when the title has none (404). */
const sheets = new Map<string, Promise<ThumbnailSprite | null>>();

function loadSprite(client: Transport, titleId: string): Promise<ThumbnailSprite | null> {
  let pending = sheets.get(titleId);
  if (!pending) {
    pending = client.call(catalogThumbnailSprite, { params: { id: titleId }, query: {} }).then(
      (sprite) => (sprite.count > 0 && sprite.images.length > 0 ? sprite : null),
      (error: unknown) => {
        // A title without a sprite (or a server without the route yet) answers 404: remember that.
        // Other failures are forgotten, so a later hover tries again.
        if ((error as { status?: number }).status !== 404) sheets.delete(titleId);
        return null;
      },
    );
    sheets.set(titleId, pending);
  }
  return pending;
}

/** The tile `n` of a sprite as CSS background values. */
export function spriteFrame(sprite: ThumbnailSprite, n: number, apiBase: string | null | undefined): SpriteFrame {
  const perSheet = Math.max(1, sprite.columns * sprite.rows);
  const sheet = Math.min(sprite.images.length - 1, Math.floor(n / perSheet));
  const tile = n % perSheet;
  const col = tile % sprite.columns;
  const row = Math.floor(tile / sprite.columns);
  const x = sprite.columns > 1 ? (col / (sprite.columns - 1)) * 100 : 0;
  const y = sprite.rows > 1 ? (row / (sprite.rows - 1)) * 100 : 0;
  return {
    image: mediaUrl(sprite.images[sheet] ?? '', apiBase),
    size: `${sprite.columns * 100}% ${sprite.rows * 100}%`,
    position: `${x}% ${y}%`,
  };
}

const preload = (url: string) =>
  new Promise<void>((resolve) => {
    const img = new Image();
    img.onload = img.onerror = () => resolve();
    img.src = url;
  });

const FRAME_MS = 650;
/** Frames a preview steps through, spread over the whole video. */
const PREVIEW_FRAMES = 24;

/**
 * Plays a title's thumbnail sprite as a silent preview: after the sheet loads, steps through
 * tiles spread across the video. Nothing happens when the title has no sprite (the backdrop stays)
 * and, under reduced motion, one frame is shown without animating.
 */
export class SpritePlayer {
  /** The tile to show now; null until the sprite is ready (or when there is none). */
  frame: SpriteFrame | null = null;
  private run = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly onFrame: () => void) {}

  async start(client: Transport, titleId: string, apiBase: string | null | undefined): Promise<void> {
    this.stop();
    const run = ++this.run;
    const sprite = await loadSprite(client, titleId);
    if (!sprite || run !== this.run) return;
    const first = spriteFrame(sprite, 0, apiBase);
    await preload(first.image);
    if (run !== this.run) return;
    const step = Math.max(1, Math.floor(sprite.count / PREVIEW_FRAMES));
    const still = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    let n = Math.min(sprite.count - 1, step);
    this.frame = spriteFrame(sprite, still ? Math.floor(sprite.count / 3) : n, apiBase);
    this.onFrame();
    if (still) return;
    this.timer = setInterval(() => {
      n = (n + step) % sprite.count;
      this.frame = spriteFrame(sprite, n, apiBase);
      this.onFrame();
    }, FRAME_MS);
  }

  stop(): void {
    this.run++;
    clearInterval(this.timer);
    this.timer = undefined;
    this.frame = null;
  }
}
