// Operations: health components, projections with position, lag and replay (with live progress),
// dead letters with retry, recent logs filtered by level and request id.
import { get, post } from './api.js';
import { attempt, count, el, fillTable, notify, when } from './view.js';

const replays = new Map();

export function setUpOperations() {
  document.getElementById('log-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    attempt(showLogs);
  });
}

export async function showOperations() {
  await Promise.all([showHealthAndProjections(), showDeadLetters(), showLogs()]);
}

async function showHealthAndProjections() {
  const [health, projections] = await Promise.all([get('/api/admin/health'), get('/api/admin/replay')]);
  const overall = document.getElementById('health-overall');
  overall.textContent = health.status;
  overall.className = `badge ${health.status.toLowerCase()}`;
  const components = Object.entries(health.components).filter(([name]) => name !== 'eventProcessors');
  fillTable(document.getElementById('health-components'), [
    ['Component', ([name]) => name],
    ['Status', ([, c]) => (typeof c === 'string' ? c : c.status)],
    ['Details', ([, c]) => (typeof c === 'string' ? '' : details(c))],
  ], components);
  const processors = new Map(health.components.eventProcessors.map((p) => [p.name, p]));
  fillTable(document.getElementById('processors'), [
    ['Projection', (p) => p.name],
    ['Running', (p) => (p.running ? 'yes' : 'no')],
    ['Position', (p) => count(processors.get(p.name)?.position ?? p.position), 'num'],
    ['Lag', (p) => count(processors.get(p.name)?.lag), 'num'],
    ['Dead letters', (p) => count(processors.get(p.name)?.deadLetters), 'num'],
    ['Replay', (p) => replayCell(p)],
  ], projections);
}

function details(component) {
  return Object.entries(component)
    .filter(([name]) => name !== 'status')
    .map(([name, value]) => `${name}: ${typeof value === 'object' ? JSON.stringify(value) : value}`)
    .join(', ');
}

/** The replay button, or the progress of the replay under way. */
function replayCell(projection) {
  const cell = el('div', { className: 'actions', 'data-replay': projection.name });
  const last = replays.get(projection.name) ?? projection.lastReplay;
  const button = el('button', { type: 'button', className: 'secondary', disabled: last?.status === 'running',
    onclick: () => attempt(() => startReplay(projection.name, cell)) }, 'Replay');
  cell.append(button);
  if (last) cell.append(progress(last));
  return cell;
}

function progress(replay) {
  const bar = el('progress', { max: Math.max(replay.total, 1), value: replay.processed,
    'aria-label': `Replay of ${replay.projection}` });
  return el('span', { className: 'replay-status' }, bar, ` ${replay.status} ${count(replay.processed)}/${count(replay.total)}`,
    replay.reason ? ` (${replay.reason})` : '');
}

async function startReplay(name, cell) {
  const { replayId } = await post(`/api/admin/replay/${name}`);
  notify(`Replay of ${name} started`);
  cell.querySelector('button').disabled = true;
  for (;;) {
    const replay = await get(`/api/admin/replay/${replayId}`);
    replays.set(name, replay);
    cell.querySelector('.replay-status')?.remove();
    cell.append(progress(replay));
    if (replay.status !== 'running') break;
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  cell.querySelector('button').disabled = false;
  notify(`Replay of ${name}: ${replays.get(name).status}`, replays.get(name).status === 'failed');
}

async function showDeadLetters() {
  const groups = await get('/api/admin/dead-letters');
  const rows = groups.flatMap((group) => (group.entries.length
    ? group.entries.map((letter) => ({ group, letter }))
    : [{ group, letter: null }]));
  fillTable(document.getElementById('dead-letters'), [
    ['Projection', (r) => `${r.group.group} (${count(r.group.count)})`],
    ['Event', (r) => r.letter?.eventType ?? 'none parked'],
    ['Sequence', (r) => r.letter?.sequence ?? ''],
    ['Cause', (r) => r.letter?.cause ?? ''],
    ['Parked at', (r) => when(r.letter?.enqueuedAt)],
    ['', (r) => (r.letter && r.letter === r.group.entries[0]
      ? el('button', { type: 'button', className: 'secondary', onclick: () => attempt(async () => {
        const retried = await post(`/api/admin/dead-letters/${r.group.group}/retry`);
        notify(`${retried.group}: ${retried.succeeded} of ${retried.sequences} sequences succeeded, ${retried.remaining} letters left`);
        await showDeadLetters();
      }) }, 'Retry')
      : '')],
  ], rows.filter((r) => r.letter || r.group.count > 0), 'No dead letter');
}

async function showLogs() {
  const level = document.getElementById('log-level').value;
  const requestId = document.getElementById('log-request').value.trim();
  const params = new URLSearchParams({ limit: '100' });
  if (level) params.set('level', level);
  if (requestId) params.set('requestId', requestId);
  const { lines } = await get(`/api/admin/logs?${params}`);
  fillTable(document.getElementById('logs'), [
    ['At', (l) => when(l.at)],
    ['Level', (l) => l.level],
    ['Request', (l) => l.requestId ?? ''],
    ['Logger', (l) => l.logger.split('.').pop()],
    ['Message', (l) => (l.error ? `${l.message} — ${l.error}` : l.message)],
  ], lines, 'No log line matches');
}
