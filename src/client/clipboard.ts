/** Copies text, with the old selection trick where the Clipboard API is missing (plain http hosts). */
export type CopyResult = { ok: true } | { ok: false; message: string };

export async function copyText(text: string): Promise<CopyResult> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return { ok: true };
    } catch (error) {
      console.warn('[runner] clipboard API refused; trying the selection fallback', error);
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  return copied
    ? { ok: true }
    : { ok: false, message: 'The browser did not allow copying; select the text and copy it by hand.' };
}
