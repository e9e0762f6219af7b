'use server';
// Films and the film-list CSV import (setup only).
import { serverAction } from '@/lib/server/server-action';
import { csvBytes } from '@/lib/admin/finish';
import { addFilmSpec, importFilmsSpec, previewFilmImportSpec, removeFilmSpec, updateFilmSpec } from '@/lib/film/specs';

export const addFilm = serverAction(addFilmSpec);
export const updateFilm = serverAction(updateFilmSpec);
export const removeFilm = serverAction(removeFilmSpec);

const preview = serverAction(previewFilmImportSpec);
const apply = serverAction(importFilmsSpec);
export async function previewFilmImport(raw: FormData) {
  return preview(await csvBytes(raw));
}
export async function importFilms(raw: FormData) {
  return apply(await csvBytes(raw));
}
