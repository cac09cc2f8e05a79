import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { PageTitle } from '../../ui/PageTitle';
import { LanguageSwitch } from '../shell/LanguageSwitch';

const ODBL = 'https://opendatacommons.org/licenses/odbl/1-0/';
const IDN_AREA_DATA = 'https://github.com/fityannugroho/idn-area-data';
const AGPL = 'https://www.gnu.org/licenses/agpl-3.0.html';

/** What Jejaring is, its licence, and the attribution the region data's licence (ODbL) requires. */
export const AboutPage = () => {
  const { t } = useTranslation();

  return (
    <div className="public-page">
      <div className="auth-topbar">
        <Link to={paths.home} className="brand-name">
          Jejaring
        </Link>
        <LanguageSwitch />
      </div>
      <main id="main" className="prose">
        <PageTitle title={t('about.title')}>{t('about.title')}</PageTitle>
        <p className="lead">{t('about.what')}</p>
        <p>{t('about.purpose')}</p>

        <h2>{t('about.licenceTitle')}</h2>
        <p>
          {t('about.licence')}{' '}
          <a href={AGPL} rel="license noreferrer">
            GNU Affero General Public License v3.0 {t('about.orLater')} (AGPL-3.0-or-later)
          </a>
          .
        </p>

        <h2>{t('about.dataTitle')}</h2>
        <p lang="id">
          Data kode dan nama wilayah: <a href={IDN_AREA_DATA}>idn-area-data</a> (© fityannugroho dan kontributor), dilisensikan di bawah{' '}
          <a href={ODBL} rel="license noreferrer">
            Open Database License (ODbL) v1.0
          </a>
          .
        </p>
        <p>{t('about.regionDecree')}</p>
        <p>{t('about.urusanSource')}</p>

        <p className="back-link">
          <Link to={paths.signIn}>{t('about.toSignIn')}</Link>
        </p>
      </main>
    </div>
  );
};
