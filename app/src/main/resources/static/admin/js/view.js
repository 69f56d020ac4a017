// Small helpers to build the page from data: text only through textContent, never as HTML.

/** An element with attributes and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'className') element.className = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Fills a table: columns are [heading, cell(row), className?]. */
export function fillTable(table, columns, rows, empty = 'Nothing to show') {
  table.replaceChildren(
    el('thead', {}, el('tr', {}, columns.map(([heading, , className]) => el('th', { scope: 'col', className }, heading)))),
    el('tbody', {}, rows.length === 0
      ? el('tr', {}, el('td', { colspan: columns.length, className: 'muted' }, empty))
      : rows.map((row) => el('tr', {}, columns.map(([, cell, className]) => el('td', { className }, cell(row)))))),
  );
}

/** A figure card: a label and its value. */
export function figure(label, value, id) {
  return el('div', { className: 'card', 'data-figure': id },
    el('div', { className: 'figure-label' }, label),
    el('div', { className: 'figure-value' }, value));
}

const integers = new Intl.NumberFormat('en-US');

export const count = (value) => integers.format(value ?? 0);

/** Money in minor units, in its currency. */
export function money(cents, currency = 'usd') {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() })
    .format((cents ?? 0) / 100);
}

/** AI cost in micro-dollars, to the micro-dollar below a dollar ($0.00003), to the cent above. */
export function micros(value) {
  const dollars = (value ?? 0) / 1_000_000;
  if (Math.abs(dollars) >= 1 || dollars === 0) return `$${dollars.toFixed(2)}`;
  return `$${dollars.toFixed(6).replace(/0+$/, '')}`;
}

export function when(instant) {
  return instant ? new Date(instant).toISOString().replace('T', ' ').slice(0, 19) : '';
}

let noticeTimer;

/** A short message under the header; errors stay until the next one. */
export function notify(message, bad = false) {
  const notice = document.getElementById('notice');
  notice.textContent = message;
  notice.classList.toggle('bad', bad);
  clearTimeout(noticeTimer);
  if (!bad) noticeTimer = setTimeout(() => { notice.textContent = ''; }, 6000);
}

/** Runs an action, telling the admin what failed. */
export async function attempt(action) {
  try {
    return await action();
  } catch (error) {
    notify(error.message, true);
    return undefined;
  }
}
