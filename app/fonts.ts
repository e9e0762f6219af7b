// The self-hosted fonts (CSS only: no JavaScript reaches the client from here). Each @fontsource
// file declares its faces with unicode-range, so the browser fetches a subset only when the page
// shows one of its characters: Chinese is split into about a hundred such subsets.
// Noto Sans: Latin, Cyrillic (with Kazakh letters), Greek, Vietnamese.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
// Simplified Chinese.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
// Hindi and other Devanagari names and titles.
import '@fontsource/noto-sans-devanagari/devanagari-400.css';
import '@fontsource/noto-sans-devanagari/devanagari-700.css';
// Arabic script, with the letters Urdu and Persian add (ے ہ ں ٹ ڈ ڑ پ چ ژ گ).
import '@fontsource/noto-naskh-arabic/arabic-400.css';
import '@fontsource/noto-naskh-arabic/arabic-700.css';
