'use server';
// Performances (the acting nominations' candidates) and their CSV import (setup only).
import { serverAction } from '@/lib/server/server-action';
import { csvBytes } from '@/lib/admin/finish';
import {
  addPerformanceSpec, importPerformancesSpec, previewPerformanceImportSpec, removePerformanceSpec, updatePerformanceSpec,
} from '@/lib/admin/performances';

export const addPerformance = serverAction(addPerformanceSpec);
export const updatePerformance = serverAction(updatePerformanceSpec);
export const removePerformance = serverAction(removePerformanceSpec);

const preview = serverAction(previewPerformanceImportSpec);
const apply = serverAction(importPerformancesSpec);
export async function previewPerformanceImport(raw: FormData) {
  return preview(await csvBytes(raw));
}
export async function importPerformances(raw: FormData) {
  return apply(await csvBytes(raw));
}
