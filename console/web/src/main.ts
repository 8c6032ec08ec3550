import { ApiError, messageOf } from './api';
import { h, replaceChildren } from './dom';
import { bankName } from './format';
import { renderAdoptForm } from './pages/adopt-form';
import { renderAudit } from './pages/audit';
import { renderDetail } from './pages/detail';
import { renderInvestorForm } from './pages/investor-form';
import { renderInvestors } from './pages/investors';
import { renderLogin } from './pages/login';
import { renderPolicy } from './pages/policy';
import { renderQueue } from './pages/queue';
import { renderRegulatorOverview } from './pages/regulator-overview';
import { currentSession, logOut, restoreSession } from './session';
import type { Session } from './types';

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
    h('nav', {}, session.role === 'regulator' ? h('a', { href: '#/regulator' }, 'Overview') : null, h('a', { href: '#/queue' }, 'Queue'), h('a', { href: '#/investors' }, 'Investors'), h('a', { href: '#/audit' }, 'Audit')),
    h('span', { class: 'who', 'data-testid': 'who' }, `${session.displayName} · ${bankName(session.mspId)} · ${session.role}`),
    logout,
  );
}

/** Where a person lands: the regulator on the overview across banks, an officer on the bank's queue. */
function landingOf(session: Session): string {
  return session.role === 'regulator' ? '#/regulator' : '#/queue';
}

// Each route() takes a turn; a page that finishes loading after a newer one started is dropped,
// so a slow queue cannot replace the form the officer has since opened.
let latestTurn = 0;

/** Renders the page the hash names; the login page whenever nobody is logged in. */
async function route(): Promise<void> {
  const turn = ++latestTurn;
  renderHeader();
  const session = currentSession();
  if (session === undefined) {
    renderLogin(app, (loggedIn) => {
      location.hash = landingOf(loggedIn);
      void route();
    });
    return;
  }
  const [, page, id, sub] = location.hash.replace(/^#/, '').split('/');
  const decodedId = id === undefined || id === '' ? undefined : decodeURIComponent(id);
  // Drawn off-screen, shown only while this is still the latest turn.
  const view = h('div', { class: 'view' });
  try {
    if (page === 'transfers' && decodedId !== undefined) await renderDetail(view, session, { kind: 'transfer', id: decodedId });
    else if (page === 'bridge-outs' && decodedId !== undefined) await renderDetail(view, session, { kind: 'bridge-out', id: decodedId });
    else if (page === 'investors' && decodedId === 'new') await renderInvestorForm(view, session);
    else if (page === 'investors' && decodedId !== undefined && sub === 'edit') await renderInvestorForm(view, session, decodedId);
    else if (page === 'investors' && decodedId !== undefined && sub === 'adopt') await renderAdoptForm(view, session, decodedId);
    else if (page === 'investors') await renderInvestors(view, session, decodedId);
    else if (page === 'assets' && decodedId !== undefined && sub === 'policy') await renderPolicy(view, decodedId, session);
    else if (page === 'audit') await renderAudit(view, session);
    else if (page === 'regulator' || (page !== 'queue' && session.role === 'regulator')) await renderRegulatorOverview(view, session);
    else await renderQueue(view, session, decodedId);
    if (turn === latestTurn) replaceChildren(app, view);
  } catch (error) {
    // An expired or ended session: ask the service again (it forgets the session here) and show the login.
    if (turn !== latestTurn) return;
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
