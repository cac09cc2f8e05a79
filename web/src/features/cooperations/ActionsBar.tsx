import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { cooperationPath } from '../../app/paths';
import { useToast } from '../../ui/Toast';
import { ActionDialog } from './ActionDialog';
import type { ActionName, Cooperation } from './cooperations.api';

/**
 * What the user can do next: a button for each action allowed now, and every other action of
 * this step with the reasons it is blocked, so people know what is missing and who may act.
 */
export const ActionsBar = ({ cooperation }: { cooperation: Cooperation }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState<ActionName | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const allowed = cooperation.actions.filter((a) => a.allowed && cooperation.allowedActions.includes(a.name));
  const blocked = cooperation.actions.filter((a) => !a.allowed && a.blockers.length > 0);
  const option = cooperation.actions.find((a) => a.name === open);
  const close = () => {
    setOpen(null);
    opener.current?.focus();
  };

  return (
    <section className="panel coop-section" aria-labelledby="coop-actions-heading">
      <h2 id="coop-actions-heading">{t('cooperations.detail.actions')}</h2>
      {allowed.length > 0 ? (
        <div className="button-row">
          {allowed.map((a) => (
            <button
              key={a.name}
              type="button"
              className={a.name === 'cancel' || a.name === 'reject' || a.name === 'terminate' ? 'button button-danger' : 'button button-primary'}
              onClick={(e) => {
                opener.current = e.currentTarget;
                setOpen(a.name);
              }}
            >
              {t(`cooperations.actions.${a.name}`)}
            </button>
          ))}
        </div>
      ) : (
        <p className="field-hint">{t('cooperations.detail.noActions')}</p>
      )}
      {blocked.length > 0 ? (
        <>
          <h3>{t('cooperations.detail.blocked')}</h3>
          <ul className="plain-list coop-blocked">
            {blocked.map((a) => (
              <li key={a.name}>
                <strong>{t(`cooperations.actions.${a.name}`)}</strong> — {a.blockers.map((b) => b.message).join('; ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {option ? (
        <ActionDialog
          cooperation={cooperation}
          option={option}
          onClose={close}
          onDone={(result) => {
            setOpen(null);
            toast(t('cooperations.actionDialog.done', { action: t(`cooperations.actions.${option.name}`), state: t(`cooperations.states.${result.cooperation.state}`) }));
            client.setQueryData(['cooperations', 'detail', cooperation.id], result.cooperation);
            void client.invalidateQueries({ queryKey: ['cooperations'] });
            if (result.createdId) navigate(cooperationPath(result.createdId));
          }}
        />
      ) : null}
    </section>
  );
};
