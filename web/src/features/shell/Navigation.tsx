import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { visibleNavigation } from './navigation';

export const Navigation = ({ permissions, id, open, onNavigate }: { permissions: readonly string[]; id: string; open: boolean; onNavigate: () => void }) => {
  const { t } = useTranslation();

  return (
    <nav id={id} className={open ? 'app-nav app-nav-open' : 'app-nav'} aria-label={t('nav.label')}>
      {visibleNavigation(permissions).map((section) => (
        <section key={section.id} className="nav-section" aria-labelledby={`nav-${section.id}`}>
          <h2 id={`nav-${section.id}`} className="nav-heading">
            {t(section.labelKey)}
          </h2>
          <ul>
            {section.items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === '/'} onClick={onNavigate}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
};
