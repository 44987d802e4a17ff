/**
 * The dashboard's and the watch page's scripts, served from this server (the portal's pages allow
 * scripts from 'self' only). Plain browser JavaScript: no build step, no library.
 */

export const DASHBOARD_SCRIPT = `'use strict';
const head = document.getElementById('head');
const rows = document.getElementById('rows');
const ago = (ms) => ms < 60000 ? Math.round(ms / 1000) + ' s' : Math.round(ms / 60000) + ' min';
function cell(page, state) {
  const c = state.pages[page.id];
  if (!c) return '<td>–</td>';
  let text = '<span class="passed">' + c.passed + '/' + page.steps + ' passed</span>';
  if (c.failed) text += ' <span class="failed">' + c.failed + ' failed</span>';
  if (c.stuck) text += '<br><span class="stuck">stuck on “' + esc(c.stuck.title) + '” (' + c.stuck.state + ', ' + ago(window.rwNow - c.stuck.since) + ')</span>';
  return '<td>' + text + '</td>';
}
function esc(s) { const d = document.createElement('span'); d.textContent = s; return d.innerHTML; }
async function refresh() {
  const response = await fetch('/instructor/state.json', { cache: 'no-store' });
  if (!response.ok) return;
  const state = await response.json();
  window.rwNow = state.now;
  document.getElementById('seats').textContent = state.attendees.length + ' of ' + state.seats + ' seats taken';
  head.innerHTML = '<tr><th>Attendee</th><th>Workspace</th>' + state.pages.map((p) => '<th>' + esc(p.title) + '</th>').join('') + '<th>Last activity</th><th>Session</th></tr>';
  rows.innerHTML = state.attendees.map((a) => '<tr data-attendee="' + a.id + '"><td>' + esc(a.name) + '</td><td>' + a.workspace + '</td>' +
    state.pages.map((p) => cell(p, a)).join('') + '<td>' + ago(state.now - a.lastActivity) + ' ago</td>' +
    '<td><button type="button" data-action="end">End</button> <button type="button" data-action="reset">Reset</button></td></tr>').join('');
}
rows.addEventListener('click', async (event) => {
  const row = event.target.closest('tr[data-attendee]');
  if (!row) return;
  const action = event.target.closest('button') && event.target.closest('button').dataset.action;
  if (!action) { window.location.href = '/instructor/watch?attendee=' + encodeURIComponent(row.dataset.attendee); return; }
  const name = row.cells[0].textContent;
  if (!window.confirm((action === 'end' ? 'End the session of ' : 'Reset the workspace (a fresh HOME) of ') + name + '?')) return;
  await fetch('/instructor/attendees/' + row.dataset.attendee + '/' + action, { method: 'POST' });
  refresh();
});
document.getElementById('copy-join').addEventListener('click', async () => {
  const text = document.getElementById('join-url').textContent;
  try { await navigator.clipboard.writeText(text); }
  catch { const range = document.createRange(); range.selectNodeContents(document.getElementById('join-url')); getSelection().removeAllRanges(); getSelection().addRange(range); document.execCommand('copy'); }
  document.getElementById('copied').textContent = 'Copied';
});
refresh();
setInterval(refresh, 2000);
`;

export const WATCH_SCRIPT = `'use strict';
const screen = document.getElementById('screen');
const status = document.getElementById('status');
const attendee = screen.dataset.attendee;
// What a terminal draws but a text view cannot: colours, cursor moves, titles.
const ESCAPES = /\\u001b\\[[0-9;?]*[ -\\/]*[@-~]|\\u001b\\][^\\u0007\\u001b]*(\\u0007|\\u001b\\\\)|\\u001b[()][0-9A-Za-z]|\\u001b[=>78]|\\r/g;
let text = '';
function connect() {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(scheme + '//' + location.host + '/terminal?watch=' + encodeURIComponent(attendee));
  socket.onopen = () => { status.textContent = 'connected; waiting for a terminal'; };
  socket.onmessage = (event) => {
    const message = JSON.parse(event.data);
    if (message.type === 'hello') {
      // The attendee's own terminals only: watching never opens one (the workspace refuses it anyway).
      const first = message.terminals.find((t) => !t.parent);
      if (!first) { status.textContent = 'no terminal open yet; retrying…'; setTimeout(() => socket.close(), 3000); return; }
      status.textContent = 'watching terminal ' + first.name;
      socket.send(JSON.stringify({ type: 'attach', terminal: first.name, cols: first.cols, rows: first.rows, readOnly: true }));
      return;
    }
    if (message.type === 'output') {
      text = (message.reset ? '' : text) + message.data.replace(ESCAPES, '');
      text = text.slice(-100000);
      screen.textContent = text;
      socket.send(JSON.stringify({ type: 'ack', terminal: message.terminal, units: message.data.length }));
    } else if (message.type === 'error') status.textContent = message.message;
  };
  socket.onclose = (event) => { status.textContent = 'not connected (' + (event.reason || 'the workspace is stopped') + '); retrying…'; setTimeout(connect, 3000); };
}
connect();
`;
