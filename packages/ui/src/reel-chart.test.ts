import { expect, html } from '@open-wc/testing';
import { setLocale } from '@reel/core';
import { mountMany, themedFixture } from '@reel/core/testing';
import { sendKeys } from '@web/test-runner-commands';
import { labelStride, niceStep, niceTicks } from './chart-scale.js';
import './define.js';
import type { ReelChart } from './reel-chart.js';

const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];
const mount = (type: 'bar' | 'line' = 'bar') =>
  themedFixture<ReelChart>(html`<reel-chart
    type=${type}
    label="Plays per day"
    .labels=${days}
    .series=${[
      { name: 'This week', values: [120, 340, 280, 410, 390] },
      { name: 'Last week', values: [100, 300, 260, 380, 350] },
    ]}
  ></reel-chart>`);
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('chart scales', () => {
  it('picks round steps and ticks', () => {
    expect(niceStep(410, 4)).to.equal(200);
    expect(niceStep(9, 4)).to.equal(2.5);
    expect(niceTicks(0, 410)).to.deep.equal([0, 200, 400, 600]);
    expect(niceTicks(0, 3120, 4)).to.deep.equal([0, 1000, 2000, 3000, 4000]);
    expect(niceTicks(-30, 70, 4)).to.deep.equal([-50, -25, 0, 25, 50, 75]);
    expect(niceTicks(0, 0)).to.deep.equal([0, 1]);
    expect(labelStride(30, 300, 40)).to.equal(5);
    expect(labelStride(5, 600, 40)).to.equal(1);
  });
});

describe('reel-chart', () => {
  afterEach(() => setLocale('en'));

  it('draws a bar per value, labelled for screen readers with a data table', async () => {
    const el = await mount();
    await nextFrame();
    expect(el.shadowRoot!.querySelectorAll('rect.bar')).to.have.length(10);
    expect(el.shadowRoot!.querySelector('svg')!.getAttribute('aria-hidden')).to.equal('true');
    const plot = el.shadowRoot!.querySelector('[part="plot"]')!;
    expect(plot.getAttribute('role')).to.equal('group');
    expect(el.shadowRoot!.getElementById(plot.getAttribute('aria-labelledby')!)!.textContent).to.equal('Plays per day');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent!.trim()),
    );
    expect(rows[0]).to.deep.equal(['Mon', '120', '100']);
    await expect(el).to.be.accessible();
  });

  it('steps through the data with the arrow keys, showing and announcing each point', async () => {
    const el = await mount('line');
    el.shadowRoot!.querySelector<HTMLElement>('[part="plot"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('Tue');
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.equal(
      'Tue: This week 340, Last week 300',
    );
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.contain('Fri');
    expect(el.shadowRoot!.querySelectorAll('circle.point')).to.have.length(2);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
  });

  it('formats numbers for the locale and runs right to left in Arabic', async () => {
    const el = await mount();
    el.series = [{ name: 'Plays', values: [1200, 3400, 2800, 4100, 3900] }];
    await setLocale('es');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('tbody td')!.textContent).to.equal('1200');
    el.series = [{ name: 'Plays', values: [12000, 3400, 2800, 4100, 3900] }];
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('tbody td')!.textContent).to.equal('12.000');
    await setLocale('ar');
    await el.updateComplete;
    await nextFrame();
    const bars = [...el.shadowRoot!.querySelectorAll('rect.bar')].map((b) => b.getBoundingClientRect().left);
    expect(bars[0]).to.be.greaterThan(bars[4]!); // Monday is on the right
    el.shadowRoot!.querySelector<HTMLElement>('[part="plot"]')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent).to.contain('Mon');
  });

  it('says when there is no data', async () => {
    const el = await themedFixture<ReelChart>(html`<reel-chart label="Plays"></reel-chart>`);
    expect(el.shadowRoot!.querySelector('.empty')!.textContent).to.equal('No data yet');
    await expect(el).to.be.accessible();
  });

  it('renders labels as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await themedFixture<ReelChart>(
      html`<reel-chart label=${hostile} .labels=${[hostile]} .series=${[{ name: hostile, values: [1] }]}></reel-chart>`,
    );
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.shadowRoot!.querySelector('figcaption')!.textContent).to.equal(hostile);
  });

  it('stops observing its size when removed', async () => {
    const leaked = await mountMany(() =>
      Object.assign(document.createElement('reel-chart'), {
        label: 'x',
        labels: days,
        series: [{ name: 'a', values: [1, 2, 3, 4, 5] }],
      }),
    );
    expect([...leaked]).to.deep.equal([]);
  });
});
