import type { PublicCooperation, PublicIndicator } from '../../../../contracts/portal.js';
import { percent } from '../pages.models.js';
import { Layout } from './layout.js';
import { Badges, Fact, period, RegionLink } from './parts.js';
import type { View } from './view.js';

const Progress = ({ view, value, label }: { view: View; value: number; label: string }) => (
  <span class="progress-line">
    <progress max="100" value={percent(value)} aria-label={label}>{`${percent(value)}%`}</progress>
    <span>{view.t('detail.progressValue', { value: percent(value) })}</span>
  </span>
);

const Indicators = ({ view, items }: { view: View; items: PublicIndicator[] }) => {
  const { t } = view;
  const n = (v: number, unit: string) => `${t.number(v)} ${unit}`.trim();

  return (
    <section aria-labelledby="indicators">
      <h2 id="indicators">{t('detail.indicators')}</h2>
      <div class="table-scroll">
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">{t('detail.indicator')}</th>
              <th scope="col" class="num">{t('detail.baseline')}</th>
              <th scope="col" class="num">{t('detail.target')}</th>
              <th scope="col">{t('detail.latest')}</th>
              <th scope="col">{t('detail.achievement')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr>
                <th scope="row">{i.name}</th>
                <td class="num" data-label={t('detail.baseline')}>{n(i.baseline, i.unit)}</td>
                <td class="num" data-label={t('detail.target')}>{n(i.target, i.unit)}</td>
                <td data-label={t('detail.latest')}>{i.latest ? `${n(i.latest.actual, i.unit)} (${i.latest.period})` : t('detail.noValue')}</td>
                <td data-label={t('detail.achievement')}>{i.latest ? <Progress view={view} value={i.latest.achievement} label={`${t('detail.achievement')}: ${i.name}`} /> : t('detail.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};

const Documents = ({ view, c }: { view: View; c: PublicCooperation }) => {
  const { t } = view;

  return (
    <section aria-labelledby="documents">
      <h2 id="documents">{t('detail.documents')}</h2>
      {c.documents.length === 0 ? <p>{t('detail.noDocuments')}</p> : (
        <ul class="documents">
          {c.documents.map((d) => (
            <li>
              <a href={d.downloadPath} download>{`${t('detail.download')}: ${d.title}`}</a>
              <span class="meta">
                {` — ${t.label('documentTypes', d.type)}, ${t('detail.version', { version: d.version })}`}
                {d.signedAt ? `, ${t.date(d.signedAt)}` : ''}
                {`, ${Math.max(1, Math.round(d.size / 1024))} KB`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};

/**
 * One published cooperation as its newest release shows it. Optional parts appear only when the
 * secretariat made them public (they are absent from the snapshot otherwise).
 */
export const DetailPage = ({ view, c, release }: { view: View; c: PublicCooperation; release: { releasedAt: string; sequence: number } | null }) => {
  const { t } = view;
  const urusanOf = (u: { code: string; name: string }) => (view.lang === 'id' ? u.name : view.urusanName(u.code));
  const description = t('detail.description', { kind: t.label('kinds', c.kind), title: c.title, parties: c.parties.map((p) => p.name).join(', ') });

  return (
    <Layout view={view} title={c.title} description={description.slice(0, 300)}>
      <nav aria-label={t('site.breadcrumb')} class="breadcrumb"><a href="/">{t('site.navSearch')}</a> › <span>{t('detail.breadcrumb')}</span></nav>
      <h1>{c.title}</h1>
      <Badges view={view} kind={c.kind} state={c.state} inactive={c.inactive} />
      {c.inactive ? <p class="notice">{t('detail.inactiveHint')}</p> : null}
      <section aria-labelledby="overview">
        <h2 id="overview">{t('detail.overview')}</h2>
        <dl class="facts">
          <Fact term={t('detail.code')}>{c.code}</Fact>
          <Fact term={t('detail.kind')}>{t.label('kinds', c.kind)}{c.ksddCategory ? ` (${t.label('ksddCategories', c.ksddCategory)})` : ''}</Fact>
          <Fact term={t('detail.state')}>{t.label('states', c.state)}</Fact>
          <Fact term={t('detail.objectCategory')}>{t.label('objectCategories', c.objectCategory)}</Fact>
          <Fact term={t('detail.objek')}>{c.objek}</Fact>
          <Fact term={t('detail.urusan')} when={c.urusan.length > 0}>
            <ul class="inline">{c.urusan.map((u) => <li><a href={`/?urusan=${encodeURIComponent(u.code)}`}>{urusanOf(u)}</a></li>)}</ul>
          </Fact>
          <Fact term={t('detail.issues')} when={c.strategicIssues.length > 0}>{c.strategicIssues.map((i) => i.name).join(', ')}</Fact>
          <Fact term={t('detail.period')}>{period(view, c.startDate, c.endDate)}</Fact>
          <Fact term={t('detail.signedAt')} when={Boolean(c.signedAt)}>{c.signedAt ? t.date(c.signedAt) : ''}</Fact>
          <Fact term={t('detail.progress')} when={c.progress !== undefined}>
            <Progress view={view} value={c.progress ?? 0} label={t('detail.progress')} />
          </Fact>
        </dl>
      </section>
      <section aria-labelledby="parties">
        <h2 id="parties">{t('detail.parties')}</h2>
        <ul class="parties">
          {c.parties.map((p) => (
            <li>
              {p.regionCode ? <RegionLink view={view} code={p.regionCode} name={p.name} /> : <strong>{p.name}</strong>}
              <span class="meta">{` — ${t.label('partyTypes', p.type)}`}{p.isInitiator ? `, ${t('detail.initiator')}` : ''}</span>
              {p.leadOpd ? <div class="meta">{`${t('detail.leadOpd')}: ${p.leadOpd}`}</div> : null}
            </li>
          ))}
        </ul>
      </section>
      {c.ruangLingkup?.length ? (
        <section aria-labelledby="scope"><h2 id="scope">{t('detail.scope')}</h2><ul>{c.ruangLingkup.map((s) => <li>{s}</li>)}</ul></section>
      ) : null}
      {c.locations?.length ? (
        <section aria-labelledby="locations">
          <h2 id="locations">{t('detail.locations')}</h2>
          <ul class="inline">{c.locations.map((l) => <li><RegionLink view={view} code={l.code} name={l.name} /></li>)}</ul>
        </section>
      ) : null}
      {c.indicators?.length ? <Indicators view={view} items={c.indicators} /> : null}
      {c.updates?.length ? (
        <section aria-labelledby="updates">
          <h2 id="updates">{t('detail.updates')}</h2>
          <ol class="updates">
            {c.updates.map((u) => (
              <li>
                <h3>{u.title}</h3>
                <p class="meta"><time datetime={u.date.slice(0, 10)}>{t.date(u.date)}</time>{u.progress !== null ? ` · ${t('detail.progressValue', { value: percent(u.progress) })}` : ''}</p>
                <p>{u.summary}</p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {c.funding?.length ? (
        <section aria-labelledby="funding">
          <h2 id="funding">{t('detail.funding')}</h2>
          <div class="table-scroll">
            <table class="stack">
              <thead><tr><th scope="col">{t('detail.source')}</th><th scope="col">{t('detail.year')}</th><th scope="col" class="num">{t('detail.amount')}</th><th scope="col">{t('detail.budgeted')}</th></tr></thead>
              <tbody>
                {c.funding.map((f) => (
                  <tr>
                    <th scope="row">{f.source}</th>
                    <td data-label={t('detail.year')}>{f.year}</td>
                    <td class="num" data-label={t('detail.amount')}>{t.rupiah(f.amount)}</td>
                    <td data-label={t('detail.budgeted')}>{f.budgeted ? t('detail.yes') : t('detail.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <Documents view={view} c={c} />
      <section aria-labelledby="open-data">
        <h2 id="open-data">{t('detail.openData')}</h2>
        <p>{t('detail.releaseNote')}{release ? ` (${t('detail.release', { sequence: release.sequence, date: t.date(release.releasedAt) })})` : ''}</p>
        <ul>
          <li><a href={`/api/public/cooperations/${c.id}`} type="application/json">{t('detail.downloadJson')}</a></li>
          <li><a href={`/api/public/cooperations/${c.id}/releases`} type="application/json">{t('detail.releases')}</a></li>
        </ul>
      </section>
      {/* Slot for citizen feedback (issue 6 item 5, another helper's work): keep the id. */}
      <section id="tanggapan" aria-labelledby="tanggapan-heading" data-cooperation-id={c.id}>
        <h2 id="tanggapan-heading">{t('detail.feedback')}</h2>
        <p>{t('detail.feedbackSoon')}</p>
      </section>
    </Layout>
  );
};
