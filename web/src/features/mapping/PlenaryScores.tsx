import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { ErrorNotice, TableScroll } from '../../ui/Status';
import { useToast } from '../../ui/Toast';
import { plenaryKey, saveScores, type Plenary } from './plenary.api';

type Edits = Record<string, Record<string, number | null>>;

/**
 * The plenary's ranking: every item with its score per criterion, weighted total and rank under
 * the weights in force. The TKKSD sets scores in the table and saves them at once; the ranking
 * comes back from the server, so it always follows the rule pack.
 */
export const PlenaryScores = ({ plenary, chosen, onChoose }: { plenary: Plenary; chosen: ReadonlySet<string>; onChoose: (id: string, on: boolean) => void }) => {
  const { t } = useTranslation();
  const lang = useLang();
  const toast = useToast();
  const client = useQueryClient();
  const [edits, setEdits] = useState<Edits>({});
  const { min, max } = plenary.scoring.scale;
  const options = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const save = useMutation({
    mutationFn: () => saveScores(plenary.cycleId, { items: Object.entries(edits).map(([potentialId, scores]) => ({ potentialId, scores })) }),
    onSuccess: (p) => {
      client.setQueryData(plenaryKey(p.cycleId), p);
      setEdits({});
      toast(t('plenary.scoresSaved'));
    },
  });
  const value = (id: string, key: string, saved: number | undefined) => (edits[id] && key in edits[id] ? edits[id][key] : (saved ?? null));
  const caption = t('plenary.rankingCaption', { year: plenary.year });
  const edit = plenary.canScore;

  return (
    <div className="plenary-ranking">
      <TableScroll label={caption}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plenary.rank')}</th>
            <th scope="col">{t('plenary.item')}</th>
            {plenary.scoring.criteria.map((k) => (
              <th scope="col" key={k.key}>
                {k.label} <span className="field-hint">({formatNumber(k.weight, lang)})</span>
              </th>
            ))}
            <th scope="col">{t('plenary.total')}</th>
            <th scope="col">{t('plenary.priority')}</th>
          </tr>
        </thead>
        <tbody>
          {plenary.items.map((i) => (
            <tr key={i.potentialId}>
              <td>{i.rank}</td>
              <th scope="row">
                {i.title}
                <br />
                <span className="field-hint">
                  {t(`potentials.kinds.${i.kind}`)} · {i.orgName}
                </span>
              </th>
              {plenary.scoring.criteria.map((k) => {
                const v = value(i.potentialId, k.key, i.scores[k.key]);

                return (
                  <td key={k.key}>
                    {edit ? (
                      <select
                        aria-label={t('plenary.scoreLabel', { criterion: k.label, item: i.title })}
                        value={v ?? ''}
                        onChange={(e) => setEdits({ ...edits, [i.potentialId]: { ...edits[i.potentialId], [k.key]: e.target.value === '' ? null : Number(e.target.value) } })}
                      >
                        <option value="">–</option>
                        {options.map((o) => (
                          <option key={o} value={o}>
                            {o}
                          </option>
                        ))}
                      </select>
                    ) : (
                      (v ?? '–')
                    )}
                  </td>
                );
              })}
              <td>
                {formatNumber(i.total, lang, 2)}
                {i.complete ? null : <span className="field-hint"> {t('plenary.incomplete')}</span>}
              </td>
              <td>
                {edit ? (
                  <input type="checkbox" aria-label={t('plenary.choose', { item: i.title })} checked={chosen.has(i.potentialId)} onChange={(e) => onChoose(i.potentialId, e.target.checked)} />
                ) : i.priority ? (
                  t('plenary.chosen')
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </TableScroll>
      {edit ? (
        <>
          {save.isError ? <ErrorNotice error={save.error} /> : null}
          <div className="button-row">
            <button type="button" className="button" disabled={save.isPending || Object.keys(edits).length === 0} onClick={() => save.mutate()}>
              {t('plenary.saveScores')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
};
