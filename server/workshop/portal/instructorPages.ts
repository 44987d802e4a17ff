/** The instructor's pages: the live dashboard, and one attendee's terminal, watched read-only. */
import { escapeHtml, page } from './pages';

const TABLE_STYLE = `<style>body{max-width:none;margin:1rem 2rem}table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #8884;padding:.3rem .5rem;text-align:left;vertical-align:top}tr[data-attendee]{cursor:pointer}
tr[data-attendee]:hover{background:#8882}.failed{color:#b00000}.passed{color:#006400}.stuck{color:#8a4b00}
@media (prefers-color-scheme:dark){.failed{color:#ff8a8a}.passed{color:#7ee07e}.stuck{color:#f0b35a}}
.join{display:flex;gap:2rem;align-items:center}.join img{width:10rem;height:10rem;background:#fff}
pre{background:#111;color:#ddd;padding:1rem;white-space:pre-wrap;min-height:20rem;font-size:.85rem}</style>`;

export function dashboardPage(joinUrl: string): string {
  return page(
    'Workshop dashboard',
    `${TABLE_STYLE}<h1>Workshop dashboard</h1>
<section class="join" aria-label="Join link">
<img src="/instructor/qr.svg" alt="QR code of the join link">
<div><p>Attendees join at <code id="join-url">${escapeHtml(joinUrl)}</code></p>
<button type="button" id="copy-join">Copy join URL</button> <span id="copied" role="status"></span>
<p id="seats"></p></div></section>
<p class="note">Click a row to watch that attendee's terminal (read-only).</p>
<table><thead id="head"></thead><tbody id="rows"></tbody></table>
<script src="/instructor/dashboard.js"></script>`,
  );
}

export function watchPage(attendeeId: string, name: string): string {
  return page(
    `Watching ${name}`,
    `${TABLE_STYLE}<h1>Watching ${escapeHtml(name)} <small>(read-only)</small></h1>
<p><a href="/instructor">Back to the dashboard</a> · <span id="status" role="status">connecting…</span></p>
<pre id="screen" data-attendee="${escapeHtml(attendeeId)}" aria-label="Terminal of ${escapeHtml(name)}"></pre>
<script src="/instructor/watch.js"></script>`,
  );
}
