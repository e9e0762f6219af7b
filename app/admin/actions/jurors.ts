'use server';
// The jury and its accounts. Temporary passwords are generated and hashed before the transaction
// (the specs' prepare) and returned once.
import { serverAction } from '@/lib/server/server-action';
import { importJurorsSpec, previewJurorImportSpec } from '@/lib/juror/import-specs';
import { issueSignInSlipsSpec } from '@/lib/juror/slips-action';
import { addJurorSpec, makeChairSpec, resetPasswordSpec, setJurorActiveSpec, setSeatActiveSpec, updateJurorSpec } from '@/lib/juror/specs';

export const updateJuror = serverAction(updateJurorSpec);
export const makeChair = serverAction(makeChairSpec);
export const setJurorActive = serverAction(setJurorActiveSpec);
// Removing a person from this jury only (their account and other seats untouched), or seating them again.
export const setSeatActive = serverAction(setSeatActiveSpec);

export const addJuror = serverAction(addJurorSpec);
export const resetPassword = serverAction(resetPasswordSpec);

// The uploaded CSV file reaches the specs as its bytes (lib/server/action.ts, toInput).
export const previewJurorImport = serverAction(previewJurorImportSpec);
export const importJurors = serverAction(importJurorsSpec);

/**
 * The sign-in slips: a fresh one-time password for every active juror, in one action, only when
 * called with the page's explicit word (ISSUE_SLIPS), returned once with the sign-in address and
 * its QR code (the page prints them; nothing keeps them).
 */
export const issueSignInSlips = serverAction(issueSignInSlipsSpec);
