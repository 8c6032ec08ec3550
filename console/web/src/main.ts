import { ApiError, messageOf } from './api';
import { h, replaceChildren } from './dom';
import { bankName } from './format';
import { renderAudit } from './pages/audit';
import { renderDetail } from './pages/detail';
import { renderInvestors } from './pages/investors';
import { renderLogin } from './pages/login';
import { renderQueue } from './pages/queue';
import { currentSession, logOut, restoreSession } from './session';

// Hash routes (#/queue, #/transfers/T-1 …): the service serves one index.html and needs no
// fallback route, and a reload keeps the page.

const app = document.getElementById('app') as HTMLElement;
const top = document.getElementById('top') as HTMLElement;

function renderHeader(): void {
  const session = currentSession();
  if (session === undefined) {
    replaceChildren(top, h('span', { class: 'brand' }, 'Trestle · Compliance console'));
    return;
  }
  const logout = h('button', { type: 'button', class: 'link', 'data-testid': 'logout' }, 'Log out');
  logout.addEventListener('click', () => {
    void logOut().finally(() => {
      location.hash = '#/login';
      void route();
    });
  });
  replaceChildren(
    top,
    h('span', { class: 'brand' }, 'Trestle'),
    h('nav', {}, h('a', { href: '#/queue' }, 'Queue'), h('a', { href: '#/investors' }, 'Investors'), h('a', { href: '#/audit' }, 'Audit')),
    h('span', { class: 'who', 'data-testid': 'who' }, `${session.displayName} · ${bankName(session.mspId)} · ${session.role}`),
    logout,
  );
}

/** Renders the page the hash names; the login page whenever nobody is logged in. */
async function route(): Promise<void> {
  renderHeader();
  const session = currentSession();
  if (session === undefined) {
    renderLogin(app, () => {
      location.hash = '#/queue';
      void route();
    });
    return;
  }
  const [, page, id] = location.hash.replace(/^#/, '').split('/');
  try {
    if (page === 'transfers' && id !== undefined) await renderDetail(app, session, { kind: 'transfer', id: decodeURIComponent(id) });
    else if (page === 'bridge-outs' && id !== undefined) await renderDetail(app, session, { kind: 'bridge-out', id: decodeURIComponent(id) });
    else if (page === 'investors') await renderInvestors(app, session, id === undefined ? undefined : decodeURIComponent(id));
    else if (page === 'audit') await renderAudit(app, session);
    else await renderQueue(app, session);
  } catch (error) {
    // An expired or ended session: ask the service again (it forgets the session here) and show the login.
    if (error instanceof ApiError && error.status === 401) {
      await restoreSession();
      if (currentSession() === undefined) return route();
    }
    replaceChildren(app, h('p', { class: 'error', role: 'alert' }, messageOf(error)));
  }
}

window.addEventListener('hashchange', () => void route());
restoreSession().then(
  () => route(),
  (error: unknown) => replaceChildren(app, h('p', { class: 'error', role: 'alert' }, `The service did not answer: ${messageOf(error)}`)),
);
