import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField, TextField } from '../../ui/Field';
import { ErrorNotice } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { acceptAnswer, answerKey, cycleKey, reopenAnswer, returnAnswer, type Answer } from './mapping.api';

/** The TKKSD's side of an answer: accept it, return it with a comment (and a new deadline), or reopen a late OPD. */
export const ReviewPanel = ({ answer: a }: { answer: Answer }) => {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const [deadline, setDeadline] = useState('');
  const done = (message: string) => (next: Answer) => {
    client.setQueryData(answerKey(a.cycleId, a.orgId), next);
    void client.invalidateQueries({ queryKey: cycleKey(a.cycleId) });
    setComment('');
    toast(message);
  };
  const accept = useMutation({ mutationFn: () => acceptAnswer(a.cycleId, a.orgId, a.rowVersion), onSuccess: done(t('mapping.review.accepted')) });
  const back = useMutation({
    mutationFn: () => returnAnswer(a.cycleId, a.orgId, { expectedVersion: a.rowVersion, comment, ...(deadline ? { deadline } : {}) }),
    onSuccess: done(t('mapping.review.returned')),
  });
  const reopen = useMutation({ mutationFn: () => reopenAnswer(a.cycleId, a.orgId, { deadline, ...(comment ? { comment } : {}) }), onSuccess: done(t('mapping.review.reopened')) });
  const error = accept.error ?? back.error ?? reopen.error;
  if (!a.canReview && !a.canReopen) return null;

  return (
    <section aria-labelledby="mapping-review">
      <h2 id="mapping-review">{t('mapping.review.title')}</h2>
      <TextAreaField label={a.canReview ? t('mapping.review.comment') : t('mapping.review.reopenComment')} value={comment} onChange={(e) => setComment(e.target.value)} rows={3} />
      <TextField label={t('mapping.review.deadline')} hint={t('mapping.review.deadlineHint')} type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
      {error ? <ErrorNotice error={error} /> : null}
      <div className="button-row">
        {a.canReview ? (
          <>
            <button type="button" className="button button-primary" onClick={() => accept.mutate()} disabled={accept.isPending}>
              {t('mapping.review.accept')}
            </button>
            <button type="button" className="button" onClick={() => back.mutate()} disabled={back.isPending || !comment.trim()}>
              {t('mapping.review.return')}
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => reopen.mutate()} disabled={reopen.isPending || !deadline}>
            {t('mapping.review.reopen')}
          </button>
        )}
      </div>
    </section>
  );
};
