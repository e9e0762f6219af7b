'use server';
// Performances (the acting nominations' candidates) and their CSV import (setup only).
import { serverAction } from '@/lib/server-action';
import { csvBytes } from '@/lib/admin/finish';
import {
  addPerformanceSpec, importPerformancesSpec, previewPerformanceImportSpec, removePerformanceSpec, updatePerformanceSpec,
} from '@/lib/admin/performances';

export const addPerformance = serverAction(addPerformanceSpec);
export const updatePerformance = serverAction(updatePerformanceSpec);
export const removePerformance = serverAction(removePerformanceSpec);

const preview = serverAction(previewPerformanceImportSpec);
const apply = serverAction(importPerformancesSpec);
export async function previewPerformanceImport(first: unknown, form?: unknown) {
  return preview(await csvBytes(form ?? first));
}
export async function importPerformances(first: unknown, form?: unknown) {
  return apply(await csvBytes(form ?? first));
}
