// Users: search, plan, role, status and today's usage; change plan or role, deactivate; one user's
// usage and billing history as of a date.
import { get, post, put } from './api.js';
import { attempt, count, el, figure, fillTable, micros, money, notify, when } from './view.js';

const PLANS = ['free', 'starter', 'pro', 'business'];
const ROLES = ['user', 'premium', 'admin'];
const SIZE = 20;
let page = 0;
let query = '';
let historyOf = null;

export function setUpUsers() {
  document.getElementById('user-search').addEventListener('submit', (event) => {
    event.preventDefault();
    query = document.getElementById('user-q').value.trim();
    page = 0;
    attempt(showUsers);
  });
  document.getElementById('users-prev').addEventListener('click', () => { page = Math.max(0, page - 1); attempt(showUsers); });
  document.getElementById('users-next').addEventListener('click', () => { page += 1; attempt(showUsers); });
  document.getElementById('history-form').addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(showHistory);
  });
}

export async function showUsers() {
  const found = await get(`/api/admin/users?page=${page}&size=${SIZE}&q=${encodeURIComponent(query)}`);
  const pages = Math.max(1, Math.ceil(found.total / SIZE));
  document.getElementById('users-page').textContent = `Page ${page + 1} of ${pages} · ${count(found.total)} users`;
  document.getElementById('users-prev').disabled = page === 0;
  document.getElementById('users-next').disabled = page + 1 >= pages;
  fillTable(document.getElementById('user-table'), [
    ['User', (u) => el('span', {}, el('strong', {}, u.name), el('br'), u.email)],
    ['Plan', (u) => choice(u, 'plan', PLANS)],
    ['Role', (u) => choice(u, 'role', ROLES)],
    ['Status', (u) => el('span', { 'data-status': u.id }, u.status)],
    ['Requests today', (u) => count(u.today.requests), 'num'],
    ['Tokens today', (u) => count(u.today.tokens), 'num'],
    ['AI cost today', (u) => micros(u.today.costMicros), 'num'],
    ['', (u) => el('div', { className: 'actions' },
      el('button', { type: 'button', className: 'secondary', onclick: () => openHistory(u) }, 'History'),
      u.status === 'active' ? deactivateButton(u) : null)],
  ], found.items, 'No user matches');
}

/** A select with the user's value and a button that applies another one. */
function choice(user, field, values) {
  const id = `${field}-${user.id}`;
  const select = el('select', { id, 'aria-label': `${field} of ${user.email}` },
    values.map((value) => el('option', { value, selected: value === user[field] }, value)));
  const apply = el('button', { type: 'button', className: 'secondary', 'data-apply': id, onclick: () => attempt(async () => {
    const changed = await put(`/api/admin/users/${user.id}/${field}`, { [field]: select.value });
    user[field] = changed[field];
    notify(`${user.email}: ${field} is now ${changed[field]}`);
  }) }, 'Apply');
  return el('span', { className: 'actions' }, select, apply);
}

/** Deactivation signs the user out everywhere: the button asks once more before it acts. */
function deactivateButton(user) {
  const button = el('button', { type: 'button', className: 'danger' }, 'Deactivate');
  button.addEventListener('click', () => {
    if (button.dataset.armed !== 'yes') {
      button.dataset.armed = 'yes';
      button.textContent = 'Confirm deactivation';
      return;
    }
    attempt(async () => {
      await post(`/api/admin/users/${user.id}/deactivate`);
      document.querySelector(`[data-status="${user.id}"]`).textContent = 'deactivated';
      button.remove();
      notify(`${user.email} is deactivated`);
    });
  });
  return button;
}

function openHistory(user) {
  historyOf = user;
  const section = document.getElementById('user-history');
  section.hidden = false;
  document.getElementById('history-title').textContent = `Usage and billing history of ${user.email}`;
  document.getElementById('history-as-of').value = '';
  attempt(showHistory);
  section.scrollIntoView({ block: 'start' });
}

async function showHistory() {
  if (!historyOf) return;
  const asOf = document.getElementById('history-as-of').value;
  const at = asOf ? `?asOf=${encodeURIComponent(new Date(`${asOf}Z`).toISOString())}` : '';
  const history = await get(`/api/admin/audit/users/${historyOf.id}/billing-history${at}`);
  const totals = history.totals;
  const paid = Object.entries(totals.paidTotal ?? {}).map(([currency, cents]) => money(cents, currency)).join(', ');
  document.getElementById('history-totals').replaceChildren(
    figure('As of', when(history.asOf), 'asOf'),
    figure('Plan', totals.plan, 'plan'),
    figure('Requests', count(totals.requests), 'requests'),
    figure('Tokens', count(totals.promptTokens + totals.completionTokens), 'tokens'),
    figure('AI cost', micros(totals.aiCostMicros), 'aiCost'),
    figure('Quota refusals', count(totals.quotaRefusals), 'quotaRefusals'),
    figure('Invoices', count(totals.invoicesIssued), 'invoices'),
    figure('Paid', paid || money(0), 'paid'),
    figure('Failed payments', count(totals.failedPayments), 'failedPayments'),
  );
  fillTable(document.getElementById('history-events'), [
    ['At', (e) => when(e.at)],
    ['Event', (e) => e.type],
    ['Facts', (e) => summary(e.data)],
  ], [...history.events].reverse().slice(0, 200), 'No billing event yet');
}

/** An event's facts on one line, ids and times left out. */
function summary(data) {
  return Object.entries(data ?? {})
    .filter(([name, value]) => value !== null && typeof value !== 'object' && !/Id$|At$/.test(name))
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
}
