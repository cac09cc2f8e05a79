import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { format, longDate, type Lang, type Message } from '../../platform/i18n/i18n.js';
import * as repo from './digest.repository.js';
import { sendEmail } from './notifications.usecases.js';

export const DIGEST_JOB = 'notifications.daily_digest';

const SUBJECT: { one: Message; many: Message } = {
  one: { id: 'Ringkasan harian Jejaring: 1 hal perlu perhatian', en: 'Jejaring daily digest: 1 item needs attention' },
  many: { id: 'Ringkasan harian Jejaring: {n} hal perlu perhatian', en: 'Jejaring daily digest: {n} items need attention' },
};
const INTRO: Message = {
  id: 'Berikut hal yang perlu perhatian Anda per {date}. Setiap hal juga tercatat di kotak notifikasi Jejaring.',
  en: 'Here is what needs your attention as of {date}. Each item is also in your Jejaring notifications.',
};
const OUTRO: Message = {
  id: 'Anda menerima satu ringkasan sehari, bukan satu e-mail per hal.',
  en: 'You receive one digest a day, never one e-mail per item.',
};

const wibDay = (at: Date) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

type Item = { title: string; body: string; link: string | null; group: string };

/** The digest text: items under their headings, headings in alphabetical order (notices of one run share a moment, so no other order is stable). */
export const composeDigest = ({ lang, items, today, publicUrl }: { lang: Lang; items: readonly Item[]; today: string; publicUrl: string }) => {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  const base = publicUrl.replace(/\/$/, '');
  const sections = [...groups].sort(([a], [b]) => a.localeCompare(b, lang)).map(([group, list]) =>
    [`${group} (${list.length})`, '-'.repeat(Math.min(60, group.length + 4)), ...list.map((i) => `• ${i.title}\n  ${i.body}${i.link ? `\n  ${base}${i.link}` : ''}`)].join('\n'),
  );
  const subject = format(items.length === 1 ? SUBJECT.one : SUBJECT.many, lang, { n: items.length });

  return { subject, text: [format(INTRO, lang, { date: longDate(today, lang) }), ...sections, format(OUTRO, lang)].join('\n\n') };
};

/**
 * The daily digest: each person with waiting items gets ONE e-mail listing them all, grouped by
 * heading. The e-mail is queued and the items marked in one transaction per person, so a second
 * run the same day finds nothing to send and a crash before commit leaves the items waiting.
 */
export const sendDailyDigests = async ({ db, clock, publicUrl, onError }: { db: Db; clock: Clock; publicUrl: string; onError?: (userId: string, err: unknown) => void }) => {
  const now = clock.now();
  const today = wibDay(now);
  let emails = 0;
  let items = 0;
  let failed = 0;
  for (const userId of await repo.usersWithPendingDigest(db, now)) {
    // One person's failure (a broken address) rolls back only their digest: their items wait for
    // the next run and everyone else still gets theirs.
    const sent = await db.transaction(async (tx) => {
      const rows = await repo.lockPendingFor(tx, userId, now);
      if (rows.length === 0) return 0;
      // The latest address and language win: a person who changed either gets the digest there.
      const latest = rows[rows.length - 1]!;
      const lang: Lang = latest.digestLang === 'en' ? 'en' : 'id';
      const { subject, text } = composeDigest({
        lang,
        today,
        publicUrl,
        items: rows.map((r) => ({ title: r.title, body: r.body, link: r.link, group: r.digestGroup ?? r.kind })),
      });
      const tenantId = latest.tenantId ?? rows.find((r) => r.tenantId)?.tenantId ?? null;
      await sendEmail({ db: tx, clock, message: { to: latest.digestTo!, subject, text, tenantId } });
      await repo.markDigested(tx, rows.map((r) => r.id), now);

      return rows.length;
    }).catch((err: unknown) => {
      failed += 1;
      onError?.(userId, err);

      return 0;
    });
    if (sent > 0) {
      emails += 1;
      items += sent;
    }
  }

  return { emails, items, failed };
};
