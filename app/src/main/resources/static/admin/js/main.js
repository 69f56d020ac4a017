// Sign-in and navigation: one page per hash (#dashboard, #users, #webhooks, #operations).
import { onSignedOut, signIn, signOut, signedIn } from './api.js';
import { seriesMayHaveChanged, showDashboard, showToday } from './dashboard.js';
import * as live from './live.js';
import { setUpOperations, showOperations } from './operations.js';
import { setUpUsers, showUsers } from './users.js';
import { attempt } from './view.js';
import { setUpWebhooks, showWebhooks } from './webhooks.js';

const pages = { dashboard: showDashboard, users: showUsers, webhooks: showWebhooks, operations: showOperations };

function currentPage() {
  const name = window.location.hash.slice(1);
  return name in pages ? name : 'dashboard';
}

let shown = 0;

async function show() {
  if (!signedIn()) return;
  const name = currentPage();
  const showing = ++shown;
  for (const page of Object.keys(pages)) {
    document.getElementById(`page-${page}`).hidden = page !== name;
    const link = document.querySelector(`[data-nav="${page}"]`);
    if (page === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  document.body.dataset.page = name;
  delete document.body.dataset.loaded;
  await attempt(pages[name]);
  // a page left before it finished loading does not claim to be the one loaded
  if (showing === shown) document.body.dataset.loaded = name;
}

function enter(session) {
  document.getElementById('signin').hidden = true;
  document.getElementById('console').hidden = false;
  document.getElementById('who').textContent = session.user.email;
  live.follow(session.token, (today) => {
    if (currentPage() === 'dashboard') {
      showToday(today);
      seriesMayHaveChanged();
    }
  });
  show();
  document.getElementById('main').focus();
}

function leave() {
  live.stop();
  document.getElementById('console').hidden = true;
  document.getElementById('signin').hidden = false;
  document.getElementById('password').value = '';
  document.getElementById('email').focus();
}

document.getElementById('signin-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const error = document.getElementById('signin-error');
  error.textContent = '';
  try {
    enter(await signIn(document.getElementById('email').value, document.getElementById('password').value));
  } catch (refused) {
    error.textContent = refused.status === 401 ? 'Wrong email or password.' : refused.message;
  }
});
document.getElementById('signout').addEventListener('click', () => signOut());
window.addEventListener('hashchange', show);
onSignedOut(leave);
setUpUsers();
setUpWebhooks();
setUpOperations();
document.getElementById('email').focus();
