// The business at a glance: today's figures, the last 30 days as charts, the plan mix, top users.
import { get } from './api.js';
import { count, figure, fillTable, micros, money, when } from './view.js';

const moneyTicks = (format) => ({ ticks: { callback: format } });

const DAYS = 30;
const charts = {};
let currency = 'usd';
let seriesDue = null;

const palette = { blue: '#1d4ed8', teal: '#0f766e', orange: '#c2410c', purple: '#7c3aed', grey: '#6b7280' };

export async function showDashboard() {
  const [today, daily, plans, metrics] = await Promise.all([
    get('/api/admin/dashboard'),
    get(`/api/admin/dashboard/daily?days=${DAYS}`),
    get('/api/admin/dashboard/plans'),
    get('/api/admin/metrics'),
  ]);
  showToday(today);
  showSeries(daily);
  showPlans(plans);
  showTopUsers(metrics.aiCostPerUser ?? []);
}

/** Today's figures, as the page loads them and as the live feed pushes them. */
export function showToday(today) {
  currency = today.mrr?.currency ?? currency;
  document.getElementById('as-of').textContent = when(today.asOf);
  document.getElementById('as-of').setAttribute('datetime', today.asOf);
  document.getElementById('today').replaceChildren(
    figure('Users', count(today.users), 'users'),
    figure('New users today', count(today.newUsersToday), 'newUsersToday'),
    figure('Active today', count(today.activeUsersToday), 'activeUsersToday'),
    figure('Requests today', count(today.requestsToday), 'requestsToday'),
    figure('Tokens today', count(today.tokensToday), 'tokensToday'),
    figure('AI cost today', micros(today.aiCostTodayMicros), 'aiCostTodayMicros'),
    figure('Revenue today', money(today.revenueToday.amount, today.revenueToday.currency), 'revenueToday'),
    figure('Revenue this month', money(today.revenueThisMonth.amount, today.revenueThisMonth.currency), 'revenueThisMonth'),
    figure('MRR', money(today.mrr.amount, today.mrr.currency), 'mrr'),
    figure('Quota refusals today', count(today.quotaRefusalsToday), 'quotaRefusalsToday'),
    figure('Failed payments today', count(today.failedPaymentsToday), 'failedPaymentsToday'),
  );
}

/** After a live change the series is fetched again, at most every few seconds. */
export function seriesMayHaveChanged() {
  if (seriesDue) return;
  seriesDue = setTimeout(async () => {
    seriesDue = null;
    try {
      showSeries(await get(`/api/admin/dashboard/daily?days=${DAYS}`));
    } catch {
      // the next change tries again
    }
  }, 3000);
}

function showSeries(days) {
  const labels = days.map((day) => day.date.slice(5));
  chart('chart-usage', {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'Requests', data: days.map((d) => d.requests), backgroundColor: palette.blue, yAxisID: 'y' },
        { label: 'Tokens', data: days.map((d) => d.tokens), type: 'line', borderColor: palette.orange,
          backgroundColor: palette.orange, yAxisID: 'tokens' },
      ],
    },
    options: axes({ y: { title: 'Requests' }, tokens: { title: 'Tokens', position: 'right' } }),
  });
  chart('chart-cost', {
    type: 'bar',
    data: { labels, datasets: [{ label: 'AI cost (USD)', data: days.map((d) => d.costMicros), backgroundColor: palette.teal }] },
    options: {
      ...axes({ y: { title: 'USD', ...moneyTicks((value) => micros(value)) } }),
      plugins: { tooltip: { callbacks: { label: (item) => `AI cost: ${micros(item.raw)}` } } },
    },
  });
  chart('chart-revenue', {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: `Revenue (${currency.toUpperCase()})`, data: days.map((d) => d.revenueCents / 100), backgroundColor: palette.purple },
        { label: `MRR (${currency.toUpperCase()})`, data: days.map((d) => d.mrrCents / 100), type: 'line',
          borderColor: palette.blue, backgroundColor: palette.blue },
      ],
    },
    options: axes({ y: { title: currency.toUpperCase(), ...moneyTicks((value) => money(value * 100, currency)) } }),
  });
  fillTable(document.getElementById('daily-table'), [
    ['Date', (d) => d.date],
    ['Requests', (d) => count(d.requests), 'num'],
    ['Tokens', (d) => count(d.tokens), 'num'],
    ['AI cost', (d) => micros(d.costMicros), 'num'],
    ['Revenue', (d) => money(d.revenueCents, currency), 'num'],
    ['New users', (d) => count(d.newUsers), 'num'],
    ['MRR', (d) => money(d.mrrCents, currency), 'num'],
  ], [...days].reverse());
}

function showPlans(plans) {
  chart('chart-plans', {
    type: 'doughnut',
    data: {
      labels: plans.map((p) => p.plan),
      datasets: [{ label: 'Users', data: plans.map((p) => p.users),
        backgroundColor: [palette.grey, palette.teal, palette.blue, palette.purple] }],
    },
    options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } },
  });
}

function showTopUsers(costs) {
  fillTable(document.getElementById('top-users'), [
    ['User', (c) => c.email ?? c.userId],
    ['AI cost since they began', (c) => micros(c.costMicros), 'num'],
  ], costs.slice(0, 10), 'No AI use yet');
}

function axes(scales) {
  const built = { x: { ticks: { maxRotation: 0, autoSkip: true } } };
  for (const [id, { title, position, ticks }] of Object.entries(scales)) {
    built[id] = { beginAtZero: true, position: position ?? 'left', title: { display: true, text: title },
      grid: { drawOnChartArea: id === 'y' }, ticks };
  }
  return { maintainAspectRatio: false, animation: false, interaction: { mode: 'index', intersect: false }, scales: built };
}

function chart(id, config) {
  const existing = charts[id];
  if (existing) {
    existing.data = config.data;
    existing.update();
    return;
  }
  charts[id] = new window.Chart(document.getElementById(id), config);
}
