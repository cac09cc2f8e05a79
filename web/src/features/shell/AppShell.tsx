import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { paths } from '../../app/paths';
import { Loading } from '../../ui/Status';
import { useSession } from '../auth/session';
import { NotificationBell } from '../notifications/NotificationBell';
import { LanguageSwitch } from './LanguageSwitch';
import { Navigation } from './Navigation';
import { UserMenu } from './UserMenu';

const focusMain = (e: React.MouseEvent) => {
  e.preventDefault();
  document.getElementById('main')?.focus();
};

/** Header, navigation by permission and the page; on narrow screens the navigation folds behind a menu button. */
export const AppShell = ({ children, withNavigation = true }: { children?: ReactNode; withNavigation?: boolean }) => {
  const { t } = useTranslation();
  const me = useSession();
  const [navOpen, setNavOpen] = useState(false);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={focusMain}>
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <Link to={paths.home} className="brand-name">
            Jejaring
          </Link>
          <span className="brand-org">{me.organization.name}</span>
        </div>
        <div className="header-actions">
          {withNavigation ? (
            <button type="button" className="menu-button" aria-expanded={navOpen} aria-controls="app-nav" onClick={() => setNavOpen((v) => !v)}>
              {t('shell.menu')}
            </button>
          ) : null}
          {withNavigation ? <NotificationBell /> : null}
          <LanguageSwitch />
          <UserMenu />
        </div>
      </header>
      <div className={withNavigation ? 'app-body' : 'app-body app-body-single'}>
        {withNavigation ? <Navigation id="app-nav" permissions={me.permissions} open={navOpen} onNavigate={() => setNavOpen(false)} /> : null}
        <main id="main" tabIndex={-1} className="app-main">
          <Suspense fallback={<Loading />}>{children ?? <Outlet />}</Suspense>
        </main>
      </div>
      <footer className="app-footer">
        <Link to={paths.about}>{t('about.link')}</Link>
        <span>AGPL-3.0-or-later</span>
      </footer>
    </div>
  );
};
