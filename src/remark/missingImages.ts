// A picture the page names but the site does not have: shown as a placeholder that says so, instead of
// failing the build (Docusaurus throws on a missing Markdown image). `npm run check-pages` reports it.
// Pure: whether a file exists is asked of the caller (docusaurus.config.ts passes the file system).
import type { Image, Nodes, Parents, Root } from 'mdast';

export interface MissingImagesOptions {
  /** True when `url`, as written in the page at `pagePath`, names a file the site has. */
  exists: (url: string, pagePath: string) => boolean;
}

export const MISSING_IMAGE_CLASS = 'rw-missing-image';

/** Only local files are checked: a remote or data URL is the browser's business. */
export function isLocalImage(url: string): boolean {
  return url !== '' && !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url);
}

/** The file a URL names: no query or fragment, percent-escapes decoded (kept as written if malformed). */
export function filePart(url: string): string {
  const path = url.split(/[?#]/)[0] ?? url;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function placeholder(image: Image): Nodes {
  const what = image.alt ? `“${image.alt}”` : 'a picture';
  const text = `Missing picture: ${what} (${image.url})`;
  return {
    type: 'mdxJsxTextElement',
    name: 'span',
    attributes: [
      { type: 'mdxJsxAttribute', name: 'className', value: MISSING_IMAGE_CLASS },
      { type: 'mdxJsxAttribute', name: 'role', value: 'img' },
      { type: 'mdxJsxAttribute', name: 'aria-label', value: text },
    ],
    children: [{ type: 'text', value: text }],
  } as unknown as Nodes;
}

function replaceMissing(parent: Parents, isMissing: (url: string) => boolean): void {
  const children = parent.children as Nodes[];
  children.forEach((child, index) => {
    if (child.type === 'image' && isLocalImage(child.url) && isMissing(child.url)) {
      children[index] = placeholder(child);
    } else if ('children' in child) {
      replaceMissing(child, isMissing);
    }
  });
}

export default function remarkMissingImages(options: MissingImagesOptions) {
  return (tree: Root, file: { path?: string }): void => {
    const pagePath = file.path ?? '';
    replaceMissing(tree, (url) => !options.exists(filePart(url), pagePath));
  };
}
