// The Daily Reel's own script: what a partner writes around Reel's elements.
// - <reel-player>: before its playback token expires the player fires `reel-token-expiring`; we
//   ask our server (/token) for a new one and hand it over (`player.playbackToken = …`).
// - The iframe embed: the same, by postMessage with Reel's origin only.
// - <reel-rail>: a selected title opens on Reel (`reel-select`, or a card's link).
// No innerHTML anywhere: the page enforces Trusted Types.
const api = document.body.dataset.reelApi ?? '';

async function freshToken(titleId) {
  const res = await fetch(`/token?title_id=${encodeURIComponent(titleId)}`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`token endpoint answered ${res.status}`);
  return (await res.json()).playback_token;
}

for (const player of document.querySelectorAll('reel-player')) {
  player.addEventListener('reel-token-expiring', async () => {
    try {
      player.playbackToken = await freshToken(player.getAttribute('title-id'));
    } catch (error) {
      console.warn('[daily-reel] could not renew the playback token:', error.message);
    }
  });
}

for (const frame of document.querySelectorAll('iframe.reel-frame')) {
  addEventListener('message', async (event) => {
    if (event.origin !== api || event.source !== frame.contentWindow) return;
    if (event.data?.type !== 'reel-token-expiring') return;
    try {
      const token = await freshToken(frame.dataset.titleId);
      frame.contentWindow.postMessage({ type: 'reel-playback-token', token }, api);
    } catch (error) {
      console.warn('[daily-reel] could not renew the playback token:', error.message);
    }
  });
}

// Cards link wherever `href-template` says (Reel's title pages here); a host that routes titles
// itself cancels `reel-select` instead. This demo only says what is opening.
const selected = document.getElementById('selected');
for (const rail of document.querySelectorAll('reel-rail')) {
  rail.addEventListener('reel-select', (event) => {
    if (selected) selected.textContent = `Opening ${event.detail.title.name} on Reel…`;
  });
}
