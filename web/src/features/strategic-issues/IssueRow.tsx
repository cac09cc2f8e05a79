import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { useErrorText } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { updateIssue, type StrategicIssue, type StrategicIssueUpdate } from './strategic-issues.api';

type Props = {
  issue: StrategicIssue;
  position: number;
  canMoveUp: boolean;
  canMoveDown: boolean;
  moving: boolean;
  onMove: (delta: -1 | 1) => void;
  onSaved: () => Promise<unknown>;
};

/** One issue: rename in place, move up or down, retire or bring back. */
export const IssueRow = ({ issue, position, canMoveUp, canMoveDown, moving, onMove, onSaved }: Props) => {
  const { t } = useTranslation();
  const toast = useToast();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [names, setNames] = useState({ nameId: issue.nameId, nameEn: issue.nameEn });
  const save = useMutation({
    mutationFn: (patch: StrategicIssueUpdate) => updateIssue(issue.id, patch),
    onSuccess: async (updated, patch) => {
      setEditing(false);
      toast(patch.active === undefined ? t('issues.renamed', { name: updated.nameId }) : updated.active ? t('issues.reactivated', { name: updated.nameId }) : t('issues.retired', { name: updated.nameId }));
      await onSaved();
    },
  });
  const fieldError = (name: string) => (save.error instanceof ApiError ? save.error.fieldErrors[name] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(names);
  };

  return (
    <tr className={issue.active ? undefined : 'row-muted'}>
      <td>{position}</td>
      <td className="code">{issue.code}</td>
      {editing ? (
        <td colSpan={2}>
          <form id={`rename-${issue.id}`} className="inline-form" onSubmit={submit} noValidate>
            <label>
              {t('issues.nameId')}
              <input lang="id" value={names.nameId} maxLength={120} required onChange={(e) => setNames({ ...names, nameId: e.target.value })} aria-invalid={fieldError('nameId') ? true : undefined} />
            </label>
            <label>
              {t('issues.nameEn')}
              <input lang="en" value={names.nameEn} maxLength={120} required onChange={(e) => setNames({ ...names, nameEn: e.target.value })} aria-invalid={fieldError('nameEn') ? true : undefined} />
            </label>
            {save.isError ? <p className="field-error" role="alert">{fieldError('nameId') ?? fieldError('nameEn') ?? errorText(save.error)}</p> : null}
          </form>
        </td>
      ) : (
        <>
          <td>{issue.nameId}</td>
          <td lang="en">{issue.nameEn}</td>
        </>
      )}
      <td>{issue.active ? t('issues.active') : t('issues.inactive')}</td>
      <td>
        <div className="row-actions">
          {editing ? (
            <>
              <button type="submit" form={`rename-${issue.id}`} className="button button-small button-primary" disabled={save.isPending}>
                {t('common.save')}
              </button>
              <button type="button" className="button button-small" onClick={() => { setEditing(false); setNames({ nameId: issue.nameId, nameEn: issue.nameEn }); save.reset(); }}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              {t('issues.rename')}
              <span className="visually-hidden"> {issue.nameId}</span>
            </button>
          )}
          <button type="button" className="button button-small" disabled={!canMoveUp || moving} onClick={() => onMove(-1)} aria-label={t('issues.moveUp', { name: issue.nameId })}>
            ↑
          </button>
          <button type="button" className="button button-small" disabled={!canMoveDown || moving} onClick={() => onMove(1)} aria-label={t('issues.moveDown', { name: issue.nameId })}>
            ↓
          </button>
          <button type="button" className="button button-small" disabled={save.isPending} onClick={() => save.mutate({ active: !issue.active })}>
            {issue.active ? t('issues.retire') : t('issues.reactivate')}
            <span className="visually-hidden"> {issue.nameId}</span>
          </button>
        </div>
      </td>
    </tr>
  );
};
