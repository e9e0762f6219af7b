'use client';
// The live counts of a page: one EventSource on /api/live, the latest view in a context that the
// count components below read. The server renders every count with the view it read itself
// (`initial`), so without JavaScript, or before the stream connects, the page shows the same
// numbers. When the phase changes or a runoff opens or closes, the page's server components are
// re-rendered (router.refresh) so that banners, ballots and results appear without a reload;
// pages that list per-juror states ask for that on every change of the ballot counts too.
// Changes are announced politely to screen readers. The browser reconnects on its own; when the
// server ended the stream for good (e.g. it restarted), this reconnects after a pause.
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { LiveView } from '@/lib/live/view';
import ui from '@/app/components/ui.module.css';
import { nominationName } from '@/i18n/names';

const LiveContext = createContext<LiveView | null>(null);

/** The reader's latest live view (the server's until the stream speaks). For banners and counts. */
export function useLive(): LiveView | null {
  return useContext(LiveContext);
}

const RECONNECT_MS = 5_000;

const openIds = (v: LiveView) => v.runoffs.filter((r) => r.open).map((r) => r.id).join(',');
// The desk's and the progress page's server-rendered figures: ballots, and the votes cast in each
// runoff (the chair's "Close the runoff" depends on them too).
const countsKey = (v: LiveView) => JSON.stringify([v.ballots ?? null, v.missing ?? null, v.runoffs.map((r) => [r.id, r.cast, r.entitled])]);

export function LiveCounts({ initial, refreshOnBallots = false, children }: { initial: LiveView; refreshOnBallots?: boolean; children: ReactNode }) {
  const router = useRouter();
  const t = useTranslations('live');
  const tc = useTranslations('common');
  const [view, setView] = useState<LiveView>(initial);
  const [status, setStatus] = useState<'idle' | 'connecting' | 'live' | 'offline'>('idle');
  const [said, setSaid] = useState('');
  const last = useRef<LiveView>(initial);
  // Kept in refs so that the connection is opened once per page, not again at every render.
  const refreshOnBallotsRef = useRef(refreshOnBallots);
  const speak = useRef<(prev: LiveView, next: LiveView) => string>(() => '');
  speak.current = (prev, next) => {
    const lines: string[] = [];
    const name = (code: string) => nominationName(tc, code);
    for (const r of next.runoffs) {
      const before = prev.runoffs.find((p) => p.id === r.id);
      if (r.open && !before?.open) lines.push(t('runoffOpened', { nomination: name(r.nomination) }));
      else if (!r.open && before?.open) lines.push(t('runoffClosed', { nomination: name(r.nomination) }));
      else if (r.open && before && before.cast !== r.cast) lines.push(t('runoffCast', { nomination: name(r.nomination), cast: r.cast, entitled: r.entitled }));
    }
    for (const [code, n] of Object.entries(next.ballots ?? {})) {
      if (prev.ballots?.[code] !== undefined && prev.ballots[code] !== n) lines.push(t('ballots', { nomination: name(code), count: n }));
    }
    return lines.join(' ');
  };

  useEffect(() => {
    let es: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const connect = () => {
      if (stopped) return;
      setStatus('connecting');
      es = new EventSource('/api/live');
      es.addEventListener('counts', (e) => {
        let next: LiveView;
        try {
          next = JSON.parse((e as MessageEvent<string>).data) as LiveView;
        } catch {
          return;
        }
        const prev = last.current;
        last.current = next;
        setView(next);
        setStatus('live');
        const text = speak.current(prev, next);
        if (text) setSaid(text);
        if (prev.phase !== next.phase || openIds(prev) !== openIds(next) || (refreshOnBallotsRef.current && countsKey(prev) !== countsKey(next))) router.refresh();
      });
      // The session ended: re-render, and the page's own guard sends the reader to sign in.
      es.addEventListener('end', () => {
        es?.close();
        setStatus('offline');
        router.refresh();
      });
      es.onerror = () => {
        if (es?.readyState === EventSource.CLOSED) {
          setStatus('offline');
          retry = setTimeout(connect, RECONNECT_MS);
        } else setStatus('connecting');
      };
    };
    connect();
    return () => {
      stopped = true;
      es?.close();
      clearTimeout(retry);
    };
  }, [router]);

  return (
    <LiveContext.Provider value={view}>
      {children}
      {/* Without JavaScript nothing is live: the line appears only once the page tries to connect. */}
      {status !== 'idle' && <p className={ui.muted} data-testid="live-status" data-live={status}>{t(`status.${status}`)}</p>}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="live-said">{said}</div>
    </LiveContext.Provider>
  );
}

/** A nomination's ballot count (counted for the chair, submitted for an organiser). */
export function LiveBallots({ code, fallback }: { code: string; fallback: number }) {
  const v = useLive();
  return <>{v?.ballots?.[code] ?? fallback}</>;
}

/** The votes cast in a runoff, or the jurors entitled to vote in it. */
export function LiveRunoffCount({ id, field, fallback }: { id: number; field: 'cast' | 'entitled'; fallback: number }) {
  const v = useLive();
  return <>{v?.runoffs.find((r) => r.id === id)?.[field] ?? fallback}</>;
}
