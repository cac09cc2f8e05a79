import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { logout } from '../auth/auth.api';
import { useSession } from '../auth/session';

/** The user's name as a disclosure button with the account page and sign-out behind it. */
export const UserMenu = () => {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      navigate(paths.signIn, { replace: true });
    },
  });
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);

    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="user-menu-button" aria-expanded={open} aria-controls="user-menu-panel" onClick={() => setOpen((v) => !v)}>
        <span className="visually-hidden">{t('shell.userMenu')}: </span>
        {me.user.name}
      </button>
      <div id="user-menu-panel" className="user-menu-panel" hidden={!open}>
        <p className="user-menu-email">{me.user.email}</p>
        <ul>
          <li>
            <Link to={paths.account} onClick={() => setOpen(false)}>
              {t('nav.account')}
            </Link>
          </li>
          <li>
            <button type="button" className="link-button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              {t('shell.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
};
