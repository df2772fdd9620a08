import { msg } from '@lit/localize';
import type { Transport } from '@reel/client';
import { type AdminTitleRow, adminTitlesList } from '@reel/contracts';
import { html } from 'lit';

/** Loads titles for a picker (optionally of some types). */
export async function pickable(client: Transport, types: ('film' | 'series' | 'anime')[]): Promise<AdminTitleRow[]> {
  const out: AdminTitleRow[] = [];
  for (const type of types) {
    let cursor: string | undefined;
    do {
      const page = await client.call(adminTitlesList, {
        query: { type, limit: 100, sort: 'name', order: 'asc', ...(cursor ? { cursor } : {}) },
      });
      out.push(...page.items);
      cursor = page.next_cursor ?? undefined;
    } while (cursor && out.length < 1000);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A title select. */
export function titleSelect(
  titles: AdminTitleRow[],
  value: string,
  onChange: (id: string) => void,
  label = msg('Title', { id: 'admin.titles.col.title' }),
) {
  return html`<reel-select
    label=${label}
    placeholder=${msg('Choose a title', { id: 'admin.video.choose-title' })}
    .value=${value}
    .options=${titles.map((t) => ({ value: t.id, label: t.name, description: `${t.type}${t.year ? ` · ${t.year}` : ''}` }))}
    @reel-change=${(e: CustomEvent<{ value: string }>) => onChange(e.detail.value)}
  ></reel-select>`;
}
