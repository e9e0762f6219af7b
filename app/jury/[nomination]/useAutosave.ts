'use client';
// Autosave for the ballot. Each change is kept in localStorage until the server has acknowledged
// it, saved through a server action (one request in flight per candidate and field, the latest
// value wins), retried with back-off when the network or server fails, and refused (kept on
// screen, with the server's message) when the server says no. Nothing entered is dropped silently.
import { useCallback, useEffect, useRef, useState } from 'react';

export type Field = 'value' | 'note';
export type ItemState = { status: 'saved' | 'saving' | 'error' | 'refused'; message?: string };
type Result = { ok: true } | { ok: false; message: string };
type Saver = (candidateId: number, field: Field, v: number | null | string) => Promise<Result>;

const DELAY: Record<Field, number> = { value: 250, note: 800 };
const RETRY_MS = [1000, 3000, 8000, 15000, 30000];

export function useAutosave(storageKey: string, save: Saver, enabled: boolean) {
  const [states, setStates] = useState<Record<string, ItemState>>({});
  const pending = useRef(new Map<string, number | null | string>());
  const inFlight = useRef(new Set<string>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const attempts = useRef(new Map<string, number>());

  const lsKey = useCallback((k: string) => `${storageKey}.pending.${k}`, [storageKey]);
  const setState = (k: string, s: ItemState) => setStates((prev) => ({ ...prev, [k]: s }));

  const flush = useCallback(
    async (k: string) => {
      if (inFlight.current.has(k) || !pending.current.has(k)) return;
      const v = pending.current.get(k)!;
      pending.current.delete(k);
      inFlight.current.add(k);
      setState(k, { status: 'saving' });
      const [id, field] = k.split(':') as [string, Field];
      let result: Result | null = null;
      try {
        result = await save(Number(id), field, v);
      } catch {
        result = null; // network or server failure: retry below
      }
      inFlight.current.delete(k);
      if (pending.current.has(k)) {
        // A newer value arrived while this one was in flight: send it now.
        void flush(k);
        return;
      }
      if (result?.ok) {
        attempts.current.delete(k);
        localStorage.removeItem(lsKey(k));
        setState(k, { status: 'saved' });
      } else if (result && !result.ok) {
        localStorage.removeItem(lsKey(k));
        setState(k, { status: 'refused', message: result.message });
      } else {
        pending.current.set(k, v);
        const n = attempts.current.get(k) ?? 0;
        attempts.current.set(k, n + 1);
        setState(k, { status: 'error' });
        timers.current.set(k, setTimeout(() => void flush(k), RETRY_MS[Math.min(n, RETRY_MS.length - 1)]));
      }
    },
    [save, lsKey],
  );

  const change = useCallback(
    (candidateId: number, field: Field, v: number | null | string) => {
      const k = `${candidateId}:${field}`;
      pending.current.set(k, v);
      localStorage.setItem(lsKey(k), JSON.stringify(v));
      setState(k, { status: 'saving' });
      clearTimeout(timers.current.get(k));
      timers.current.set(k, setTimeout(() => void flush(k), DELAY[field]));
    },
    [flush, lsKey],
  );

  const retryAll = useCallback(() => {
    for (const k of pending.current.keys()) {
      clearTimeout(timers.current.get(k));
      attempts.current.delete(k);
      void flush(k);
    }
  }, [flush]);

  /** Values entered on this device that the server has not acknowledged (e.g. before a reload). */
  const unsent = useCallback(() => {
    const out: { candidateId: number; field: Field; v: number | null | string }[] = [];
    const prefix = `${storageKey}.pending.`;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const [id, field] = key.slice(prefix.length).split(':');
      try {
        out.push({ candidateId: Number(id), field: field as Field, v: JSON.parse(localStorage.getItem(key)!) });
      } catch {
        localStorage.removeItem(key);
      }
    }
    return out;
  }, [storageKey]);

  // Warn before leaving with unsaved changes; retry when the browser comes back online.
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0 || inFlight.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('online', retryAll);
    const t = timers.current;
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('online', retryAll);
      for (const timer of t.values()) clearTimeout(timer);
    };
  }, [retryAll]);

  const values = Object.values(states);
  const summary: 'idle' | 'saving' | 'saved' | 'error' | 'refused' = values.some((s) => s.status === 'refused')
    ? 'refused'
    : values.some((s) => s.status === 'error')
      ? 'error'
      : values.some((s) => s.status === 'saving')
        ? 'saving'
        : values.length
          ? 'saved'
          : 'idle';

  return { states, change, retryAll, unsent, summary, enabled };
}
