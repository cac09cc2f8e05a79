import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { PageTitle } from '../../ui/PageTitle';

/** Unknown addresses, and pages the user has no permission for: neither reveals more than the other. */
export const NotFoundPage = () => {
  const { t } = useTranslation();

  return (
    <>
      <PageTitle title={t('notFound.title')}>{t('notFound.title')}</PageTitle>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to={paths.home}>{t('notFound.home')}</Link>
      </p>
    </>
  );
};
