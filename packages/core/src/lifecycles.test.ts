import { expect } from '@open-wc/testing';
import { createLifecycles } from './lifecycles.js';

class LifecycleProbe extends HTMLElement {
  titleId = '';
}
customElements.define('reel-lifecycle-probe', LifecycleProbe);
declare global {
  interface HTMLElementTagNameMap {
    'reel-lifecycle-probe': LifecycleProbe;
  }
}

describe('createLifecycles', () => {
  it('mounts the element with the route’s props, updates it in place and removes it', async () => {
    let loads = 0;
    const app = createLifecycles('reel-lifecycle-probe', {
      load: async () => {
        loads++;
      },
      propsFromRoute: (props) => ({ titleId: String(props.id) }),
    });
    const host = document.createElement('div');
    document.body.append(host);
    await app.bootstrap({ name: 'probe' });
    await app.mount({ name: 'probe', domElement: host, id: 't1' });
    const el = host.querySelector('reel-lifecycle-probe');
    expect(el).to.be.instanceOf(LifecycleProbe);
    expect(el?.titleId).to.equal('t1');
    await app.update({ name: 'probe', domElement: host, id: 't2' });
    expect(host.querySelector('reel-lifecycle-probe')).to.equal(el);
    expect(el?.titleId).to.equal('t2');
    await app.unmount({ name: 'probe', domElement: host });
    expect(host.children.length).to.equal(0);
    expect(loads).to.equal(1);
    host.remove();
  });

  it('leaves nothing behind after many mounts and unmounts', async () => {
    const app = createLifecycles('reel-lifecycle-probe');
    const host = document.createElement('div');
    document.body.append(host);
    for (let i = 0; i < 200; i++) {
      await app.mount({ name: 'probe', domElement: host });
      await app.unmount({ name: 'probe', domElement: host });
    }
    expect(host.childElementCount).to.equal(0);
    host.remove();
  });
});
