/**
 * Wraps the doc breadcrumbs (the top of every doc page) to add the Present button beside them.
 * The breadcrumbs themselves render exactly as before.
 */
import React from 'react';
import DocBreadcrumbs from '@theme-original/DocBreadcrumbs';
import PresentButton from '../../components/Presenter/PresentButton';

export default function DocBreadcrumbsWrapper(): React.JSX.Element {
  return (
    <>
      <PresentButton />
      <DocBreadcrumbs />
    </>
  );
}
