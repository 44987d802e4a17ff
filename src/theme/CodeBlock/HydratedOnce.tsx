import type { Props } from '@theme/CodeBlock';
import ElementContent from '@theme/CodeBlock/Content/Element';
import StringContent from '@theme/CodeBlock/Content/String';
import { Children, isValidElement, type ReactNode } from 'react';

/**
 * The theme's CodeBlock picks one of these two and keys it on "is this the browser", so that every
 * block is mounted afresh after hydration to take the colour mode's inline colours. Our colours are
 * a stylesheet for both modes (src/plugins/codeColors.ts), so the server's block is already right:
 * it is hydrated once, and no page tokenizes and rebuilds all its code blocks after loading.
 */
export default function CodeBlock({ children, ...props }: Props): ReactNode {
  // As the theme's: plain strings (most fences) are highlighted; JSX children are shown as they are.
  if (Children.toArray(children).some((child) => isValidElement(child))) {
    return <ElementContent {...props}>{children}</ElementContent>;
  }
  const code = Array.isArray(children) ? children.join('') : String(children ?? '');
  return <StringContent {...props}>{code}</StringContent>;
}
