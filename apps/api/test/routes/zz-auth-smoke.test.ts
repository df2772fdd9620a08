import { after, before, it } from 'node:test';
import { buildTestApp, type TestApp } from '../helper.js';
import { Browser, fresh } from './account-support.js';
let t: TestApp;
before(async () => { t = await buildTestApp(); });
after(() => t.close());
it('smoke', async () => {
  const b = new Browser(t.app);
  const { email } = fresh();
  const r = await b.post('/auth/register', { email, password: 'marble-otter-lantern-42', display_name: 'Robin', accept_terms: true });
  console.log(r.statusCode, r.body.slice(0, 400), r.headers['set-cookie']);
  const l = await b.post('/auth/login', { email, password: 'marble-otter-lantern-42' });
  console.log(l.statusCode, l.body.slice(0, 200));
  const tok = l.json().access_token;
  for (const u of ['/auth/me', '/auth/sessions', '/users/me/devices', '/users/me/profiles', '/users/me/devices/sessions', '/auth/trusted-devices', '/profiles/avatars']) {
    const x = await b.get(u, tok); console.log(u, x.statusCode, x.body.slice(0, 300));
  }
  const rf = await b.post('/auth/refresh'); console.log('refresh', rf.statusCode, rf.body.slice(0, 100));
});
