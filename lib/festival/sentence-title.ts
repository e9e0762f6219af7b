// A film's title inside a sentence people read ("Winner: …", "Your casting vote gives Best Film to …"):
// the title in the reader's language, as lib/festival/names.ts picks it for every page.
export { localTitle as sentenceTitle, type Titles } from './names';
