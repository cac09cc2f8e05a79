import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { TextField } from '../../ui/Field';
import { PageTitle } from '../../ui/PageTitle';
import { Empty, ErrorNotice, Loading, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { createIssue, fetchAllIssues, issuesQueryKey, reorderPatches, updateIssue, type StrategicIssue } from './strategic-issues.api';
import { IssueRow } from './IssueRow';

const bySort = (a: StrategicIssue, b: StrategicIssue) => a.sort - b.sort || a.code.localeCompare(b.code);

/** The platform-wide list of strategic issues that cooperation is tagged with; retired issues stay listed. */
export const StrategicIssuesPage = () => {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const issues = useQuery({ queryKey: issuesQueryKey, queryFn: fetchAllIssues });
  const [form, setForm] = useState({ code: '', nameId: '', nameEn: '' });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['strategic-issues'] });

  const create = useMutation({
    mutationFn: () => createIssue({ code: form.code.trim().toUpperCase(), nameId: form.nameId, nameEn: form.nameEn }),
    onSuccess: async (issue) => {
      setForm({ code: '', nameId: '', nameEn: '' });
      toast(t('issues.created', { name: issue.nameId }));
      await refresh();
    },
  });
  const reorder = useMutation({
    mutationFn: async (patches: { id: string; sort: number }[]) => {
      for (const p of patches) await updateIssue(p.id, { sort: p.sort });
    },
    onSuccess: () => toast(t('issues.reordered')),
    onSettled: refresh,
  });

  const sorted = [...(issues.data?.items ?? [])].sort(bySort);
  const fieldError = (name: string) => (create.error instanceof ApiError ? create.error.fieldErrors[name] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <>
      <PageTitle title={t('issues.title')}>{t('issues.title')}</PageTitle>
      <p className="lead">{t('issues.lead')}</p>
      {issues.isPending ? <Loading /> : null}
      {issues.isError ? <ErrorNotice error={issues.error} /> : null}
      {reorder.isError ? <ErrorNotice error={reorder.error} /> : null}
      {issues.data && sorted.length === 0 ? <Empty>{t('issues.empty')}</Empty> : null}
      {sorted.length > 0 ? (
        <TableScroll label={t('issues.title')}>
          <thead>
            <tr>
              <th scope="col">{t('issues.order')}</th>
              <th scope="col">{t('issues.code')}</th>
              <th scope="col">{t('issues.nameId')}</th>
              <th scope="col">{t('issues.nameEn')}</th>
              <th scope="col">{t('issues.status')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((issue, i) => (
              <IssueRow
                key={issue.id}
                issue={issue}
                position={i + 1}
                canMoveUp={i > 0}
                canMoveDown={i < sorted.length - 1}
                moving={reorder.isPending}
                onMove={(delta) => reorder.mutate(reorderPatches(sorted, i, i + delta))}
                onSaved={refresh}
              />
            ))}
          </tbody>
        </TableScroll>
      ) : null}

      <section className="panel" aria-labelledby="issue-add">
        <h2 id="issue-add">{t('issues.add')}</h2>
        {create.isError && !(create.error instanceof ApiError && Object.keys(create.error.fieldErrors).length > 0) ? <ErrorNotice error={create.error} /> : null}
        <form className="form" onSubmit={submit} noValidate>
          <TextField label={t('issues.code')} hint={t('issues.codeHint')} required maxLength={40} autoCapitalize="characters" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} error={fieldError('code')} />
          <TextField label={t('issues.nameId')} required maxLength={120} lang="id" value={form.nameId} onChange={(e) => setForm({ ...form, nameId: e.target.value })} error={fieldError('nameId')} />
          <TextField label={t('issues.nameEn')} required maxLength={120} lang="en" value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} error={fieldError('nameEn')} />
          <button type="submit" className="button button-primary" disabled={create.isPending}>
            {t('issues.addSubmit')}
          </button>
        </form>
      </section>
    </>
  );
};
