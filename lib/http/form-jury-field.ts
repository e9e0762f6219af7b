// The field in which every form states the jury its page was rendered for (issue 23;
// lib/server/form-jury.ts checks it), shared by the form (a client component) and the machinery.
export const FORM_JURY_FIELD = '_jury';
