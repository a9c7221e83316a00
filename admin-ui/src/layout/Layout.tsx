import { useEffect, type ReactNode } from 'react';
import { Layout as RaLayout, useLocaleState } from 'react-admin';
import { AppBar } from './AppBar';
import { AppMenu } from './AppMenu';

/** Keeps `<html lang>` in step with the chosen language (screen readers, hyphenation). */
export const useDocumentLanguage = () => {
  const [locale] = useLocaleState();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
};

export const Layout = ({ children }: { children: ReactNode }) => {
  useDocumentLanguage();
  return (
    <RaLayout
      appBar={AppBar}
      menu={AppMenu}
      // React-admin lets wide tables widen the whole page, which then scrolls under the menu;
      // here the page keeps the window's width and wide tables scroll inside their card instead.
      sx={{ minWidth: 0, '& .RaLayout-content': { minWidth: 0 } }}
    >
      {children}
    </RaLayout>
  );
};
