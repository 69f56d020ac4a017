// Webhooks: deliveries by provider and status, the failed ones with their error, and retry.
import { get, post } from './api.js';
import { attempt, count, el, figure, fillTable, notify, when } from './view.js';

export function setUpWebhooks() {
  document.getElementById('retry-all').addEventListener('click', () => attempt(() => retry([])));
}

export async function showWebhooks() {
  const stats = await get('/api/webhooks/stats');
  document.getElementById('webhook-status').replaceChildren(
    figure('All deliveries', count(stats.total), 'total'),
    ...Object.entries(stats.byStatus).map(([status, n]) => figure(status, count(n), status)),
  );
  document.getElementById('retry-all').disabled = (stats.failed ?? []).length === 0;
  fillTable(document.getElementById('failed-deliveries'), [
    ['Delivery', (d) => d.deliveryId],
    ['Provider', (d) => d.provider],
    ['Event type', (d) => d.eventType],
    ['Attempts', (d) => count(d.attempts), 'num'],
    ['Error', (d) => d.error],
    ['Failed at', (d) => when(d.failedAt)],
    ['', (d) => el('button', { type: 'button', 'data-retry': d.deliveryId,
      onclick: () => attempt(() => retry([d.deliveryId])) }, 'Retry')],
  ], stats.failed ?? [], 'No failed delivery');
  fillTable(document.getElementById('webhook-counts'), [
    ['Provider', (c) => c.provider],
    ['Event type', (c) => c.eventType],
    ['Status', (c) => c.status],
    ['Deliveries', (c) => count(c.count), 'num'],
  ], stats.byProvider);
}

async function retry(deliveryIds) {
  const answer = await post('/api/webhooks/retry', { deliveryIds });
  const outcomes = answer.retried.map((r) => `${r.deliveryId}: ${r.status}${r.error ? ` (${r.error})` : ''}`);
  notify(outcomes.length ? `Retried ${outcomes.join('; ')}` : 'Nothing was failed any more');
  setTimeout(() => attempt(showWebhooks), 800);
}
