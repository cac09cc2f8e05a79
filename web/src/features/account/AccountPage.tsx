import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../ui/PageTitle';
import { PasswordSection } from './PasswordSection';
import { ProfileSection } from './ProfileSection';
import { SessionsSection } from './SessionsSection';
import { TwoFactorSection } from './TwoFactorSection';

export const AccountPage = () => {
  const { t } = useTranslation();

  return (
    <>
      <PageTitle title={t('account.title')}>{t('account.title')}</PageTitle>
      <ProfileSection />
      <PasswordSection />
      <TwoFactorSection />
      <SessionsSection />
    </>
  );
};
