'use server';
// Festival settings (setup only).
import { serverAction } from '@/lib/server/server-action';
import { saveSettingsSpec } from '@/lib/admin/settings';

export const saveSettings = serverAction(saveSettingsSpec);
