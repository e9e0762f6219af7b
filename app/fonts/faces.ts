// Noto Sans, self-hosted (CSS only: no JavaScript reaches the client from here), on every page: Latin,
// Cyrillic, Greek, Vietnamese. noto-sans.css holds @fontsource's rules, each with a unicode-range, so
// the browser fetches a subset only when the page shows one of its characters, and after them small
// files for the Kazakh (and neighbouring) letters and the language switch's 中文, tried before
// @fontsource's large subsets (scripts/subset-fonts.py writes it, and says why).
// Chinese, Devanagari and Arabic script (Urdu, Persian) are not here: their rules are written into each
// page for the characters its text can hold (app/components/ScriptFonts.tsx), since Chinese alone is
// about a hundred rules per weight, which every page would otherwise download and parse.
import './noto-sans.css';
