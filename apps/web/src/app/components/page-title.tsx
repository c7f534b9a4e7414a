import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '@/lib/use-document-title';

/** The heading of a page, also used as the browser tab's title. */
export const PageTitle = ({ title, extra }: { title: string; extra?: ReactNode }) => {
  useDocumentTitle(title);
  return (
    <header style={{ display: 'flex', alignItems: 'center', gap: 16, marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </header>
  );
};
