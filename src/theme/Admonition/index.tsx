/**
 * Wraps the theme's Admonition: `:::note[Presenter]` (any admonition titled "Presenter") is a
 * presenter note. Readers and the audience never get it in their page; the presenter's deck gets it
 * as a hidden element that the deck shows beside the slide. Every other admonition is untouched.
 * Hidden is not secret: the note is in the page's JavaScript like the rest of the content.
 */
import React, { type ReactNode } from 'react';
import Admonition from '@theme-original/Admonition';
import type { Props } from '@theme/Admonition';
import { processAdmonitionProps } from '@docusaurus/theme-common';
import { PRESENTER_NOTE_TITLE, usePresenterRole } from '../../components/Presenter/presenterRole';
import { NOTE_ATTRIBUTE } from '../../components/Presenter/slideBlocks';

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (React.isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}

export function isPresenterNote(props: Props): boolean {
  return textOf(processAdmonitionProps(props).title).trim() === PRESENTER_NOTE_TITLE;
}

export default function AdmonitionWrapper(props: Props): ReactNode {
  const role = usePresenterRole();
  if (!isPresenterNote(props)) return <Admonition {...props} />;
  if (role !== 'presenter') return null;
  return (
    <aside {...{ [NOTE_ATTRIBUTE]: '' }} aria-label="Presenter note">
      {processAdmonitionProps(props).children}
    </aside>
  );
}
