'use server';
// Films and the film-list CSV import (setup only).
import { serverAction } from '@/lib/server-action';
import { csvBytes } from '@/lib/admin/finish';
import { addFilmSpec, importFilmsSpec, previewFilmImportSpec, removeFilmSpec, updateFilmSpec } from '@/lib/film/specs';

export const addFilm = serverAction(addFilmSpec);
export const updateFilm = serverAction(updateFilmSpec);
export const removeFilm = serverAction(removeFilmSpec);

const preview = serverAction(previewFilmImportSpec);
const apply = serverAction(importFilmsSpec);
export async function previewFilmImport(first: unknown, form?: unknown) {
  return preview(await csvBytes(form ?? first));
}
export async function importFilms(first: unknown, form?: unknown) {
  return apply(await csvBytes(form ?? first));
}
