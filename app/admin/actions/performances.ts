'use server';
// Performances (the acting nominations' candidates) and their CSV import (setup only). The uploaded
// file reaches the specs as its bytes (lib/server/action.ts, toInput).
import { serverAction } from '@/lib/server/server-action';
import {
  addPerformanceSpec, importPerformancesSpec, previewPerformanceImportSpec, removePerformanceSpec, updatePerformanceSpec,
} from '@/lib/admin/performances';

export const addPerformance = serverAction(addPerformanceSpec);
export const updatePerformance = serverAction(updatePerformanceSpec);
export const removePerformance = serverAction(removePerformanceSpec);
export const previewPerformanceImport = serverAction(previewPerformanceImportSpec);
export const importPerformances = serverAction(importPerformancesSpec);
