/**
 * The portal's own pages: join, workshop full, session expired or ended. Plain HTML with inline
 * style, nothing fetched from anywhere (not even /favicon.ico, which a browser asks for unless told
 * otherwise: a 404 in the console of every portal page): they must work on the room's Wi-Fi. Every
 * page says what to do next.
 */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.5;color:#1c1e21}
h1{font-size:1.6rem}label{display:block;margin:1rem 0 .3rem;font-weight:600}
input{font-size:1.1rem;padding:.5rem;width:100%;box-sizing:border-box}
button{margin-top:1rem;font-size:1.1rem;padding:.5rem 1.5rem;cursor:pointer}
.note{color:#555;font-size:.9rem}.problem{color:#a4000f;font-weight:600}
@media (prefers-color-scheme:dark){body{background:#1b1b1d;color:#e3e3e3}.note{color:#aaa}.problem{color:#ff8a8a}}`;

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export interface JoinForm {
  readonly csrf: string;
  /** The code from the join URL, if it carried one: then the field is filled and hidden. */
  readonly code?: string;
  readonly name?: string;
  readonly problem?: string;
  readonly seatsLeft: number;
}

export function joinPage(form: JoinForm): string {
  const code = form.code
    ? `<input type="hidden" name="code" value="${escapeHtml(form.code)}">`
    : `<label for="code">Workshop code</label><input id="code" name="code" required maxlength="12" autocomplete="off" autocapitalize="characters">
<p class="note">The code is on the instructor's screen, at the end of the join link.</p>`;
  return page(
    'Join the workshop',
    `<h1>Join the workshop</h1>
${form.problem ? `<p class="problem" role="alert">${escapeHtml(form.problem)}</p>` : ''}
<form method="post" action="/join">
<input type="hidden" name="csrf" value="${escapeHtml(form.csrf)}">
${code}
<label for="name">Your name</label>
<input id="name" name="name" required maxlength="60" autocomplete="name" value="${escapeHtml(form.name ?? '')}">
<p class="note">Shown to the instructor only, so they can help you. You get a terminal of your own; ${form.seatsLeft} seat${form.seatsLeft === 1 ? '' : 's'} left.</p>
<button type="submit">Join</button>
</form>`,
  );
}

export function fullPage(seats: number): string {
  return page(
    'Workshop full',
    `<h1>The workshop is full</h1>
<p>All ${seats} seats are taken. Tell the instructor: they can free a seat (ending a session nobody uses) or
start the workshop with more seats. Then open the join link again.</p>
<p class="note">You can still read the pages without a terminal if the instructor shares the site.</p>`,
  );
}

export function sessionOverPage(reason: 'expired' | 'ended', joinPath: string): string {
  const what =
    reason === 'expired'
      ? 'Your workshop session has expired: sessions last for the length of the workshop.'
      : 'Your session was ended by the instructor.';
  return page(
    reason === 'expired' ? 'Session expired' : 'Session ended',
    `<h1>${reason === 'expired' ? 'Session expired' : 'Session ended'}</h1>
<p>${what} Your terminal is closed.</p>
<p>To go on, <a href="${escapeHtml(joinPath)}">join again</a> (you get a fresh terminal if a seat is free),
or ask the instructor for help.</p>`,
  );
}

export function wrongCodePage(): string {
  return page(
    'Wrong workshop code',
    `<h1>That code is not this workshop's</h1>
<p>Check the join link on the instructor's screen (the code is its last part) and open it again.</p>`,
  );
}
