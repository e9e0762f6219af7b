'use server';
// Films and the film-list CSV import (setup only). The uploaded file reaches the specs as its bytes
// (lib/server/action.ts, toInput).
import { serverAction } from '@/lib/server/server-action';
import { addFilmSpec, importFilmsSpec, previewFilmImportSpec, removeFilmSpec, updateFilmSpec } from '@/lib/film/specs';

export const addFilm = serverAction(addFilmSpec);
export const updateFilm = serverAction(updateFilmSpec);
export const removeFilm = serverAction(removeFilmSpec);
export const previewFilmImport = serverAction(previewFilmImportSpec);
export const importFilms = serverAction(importFilmsSpec);
