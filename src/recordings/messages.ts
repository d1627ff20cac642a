import type { Catalog } from '../i18n/languages.js';

/** Numbers arrive formatted; provider names (YouTube, Vimeo) are brands and stay as they are. */
export interface RecordingsMessages {
  search: string;
  language: string;
  /** The "any" choice of each filter: French agrees it with the filter's noun. */
  all: Record<'language' | 'tag', string>;
  total: (n: string) => string;
  matching: (n: string, total: string) => string;
  more: (shown: string, total: string) => string;
  play: string;
  loads: (provider: string) => string;
  notice: (provider: string) => string;
  captions: string;
  speakers: string;
  tags: string;
  none: string;
  noMatch: string;
  other: string;
}

export const messages: Catalog<RecordingsMessages> = {
  en: {
    search: 'Search',
    language: 'Language',
    all: { language: 'All', tag: 'All' },
    total: (n) => `Recordings: ${n}`,
    matching: (n, total) => `Found: ${n} of ${total}`,
    more: (shown, total) => `Show more (${shown} of ${total} shown)`,
    play: 'Play',
    loads: (p) => `loads ${p}`,
    notice: (p) => `${p} loads only when you press play; no request, no cookie before.`,
    captions: 'Captions',
    speakers: 'Speakers',
    tags: 'Topics',
    none: 'No recordings yet.',
    noMatch: 'No recording matches your search.',
    other: 'Other recordings',
  },
  fr: {
    search: 'Rechercher',
    language: 'Langue',
    all: { language: 'Toutes', tag: 'Tous' },
    total: (n) => `Enregistrements\u202f: ${n}`,
    matching: (n, total) => `Résultats\u202f: ${n} sur ${total}`,
    more: (shown, total) => `Afficher plus (${shown} sur ${total} affichés)`,
    play: 'Lire',
    loads: (p) => `charge ${p}`,
    notice: (p) => `${p} ne se charge qu’à la lecture\u202f; aucune requête ni cookie avant.`,
    captions: 'Sous-titres',
    speakers: 'Intervenants',
    tags: 'Thèmes',
    none: 'Aucun enregistrement pour l’instant.',
    noMatch: 'Aucun enregistrement ne correspond à votre recherche.',
    other: 'Autres enregistrements',
  },
  es: {
    search: 'Buscar',
    language: 'Idioma',
    all: { language: 'Todos', tag: 'Todos' },
    total: (n) => `Grabaciones: ${n}`,
    matching: (n, total) => `Resultados: ${n} de ${total}`,
    more: (shown, total) => `Mostrar más (${shown} de ${total} mostradas)`,
    play: 'Reproducir',
    loads: (p) => `carga ${p}`,
    notice: (p) => `${p} solo se carga al reproducir; antes, ninguna petición ni cookie.`,
    captions: 'Subtítulos',
    speakers: 'Ponentes',
    tags: 'Temas',
    none: 'Todavía no hay grabaciones.',
    noMatch: 'Ninguna grabación coincide con su búsqueda.',
    other: 'Otras grabaciones',
  },
  ar: {
    search: 'بحث',
    language: 'اللغة',
    all: { language: 'الكل', tag: 'الكل' },
    total: (n) => `التسجيلات: ${n}`,
    matching: (n, total) => `النتائج: ${n} من ${total}`,
    more: (shown, total) => `عرض المزيد (${shown} من ${total})`,
    play: 'تشغيل',
    loads: (p) => `يحمّل ${p}`,
    notice: (p) => `لا يُحمَّل ${p} إلا عند الضغط على تشغيل؛ لا طلبات ولا ملفات تعريف ارتباط قبل ذلك.`,
    captions: 'الترجمة المرئية',
    speakers: 'المتحدثون',
    tags: 'المواضيع',
    none: 'لا توجد تسجيلات بعد.',
    noMatch: 'لا يوجد تسجيل يطابق بحثك.',
    other: 'تسجيلات أخرى',
  },
};
