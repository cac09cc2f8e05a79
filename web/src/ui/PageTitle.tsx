import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one <h1>. It takes focus when the page appears so that screen-reader and keyboard
 * users land on the new content after a client-side navigation, and it names the browser tab.
 */
export const PageTitle = ({ children, title }: { children: ReactNode; title: string }) => {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · Jejaring`;
    ref.current?.focus();
  }, [title]);

  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
};
