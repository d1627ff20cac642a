import { plural, type Count } from '../i18n/count.js';
import type { Catalog } from '../i18n/languages.js';

export interface AgendaMessages {
  filters: string;
  day: string;
  track: string;
  language: string;
  search: string;
  /** The "any" choice of each filter: French and Spanish agree it with the filter's noun. */
  all: Record<'day' | 'track' | 'lang', string>;
  clear: string;
  shown: (shown: Count, total: Count) => string;
  empty: string;
  noMatch: string;
  live: string;
  now: string;
  jumpToNow: string;
  cancelled: string;
  postponed: string;
  join: string;
  languages: string;
  /** Followed by the organizer's name. */
  organizedBy: string;
  poll: string;
  /** Both are city names taken from IANA zones ("New York", "Seoul"). */
  zoneNote: (shown: string, event: string) => string;
  dstNote: (city: string, date: string) => string;
}

export const agendaMessages: Catalog<AgendaMessages> = {
  en: {
    filters: 'Filter the programme',
    day: 'Day',
    track: 'Track',
    language: 'Language',
    search: 'Search',
    all: { day: 'All', track: 'All', lang: 'All' },
    clear: 'Show all sessions',
    shown: (n, total) => `${n.text} of ${total.text} ${plural(total, { one: 'session', other: 'sessions' })} shown`,
    empty: 'The programme has not been published yet.',
    noMatch: 'No session matches these filters.',
    live: 'Live',
    now: 'Now',
    jumpToNow: 'Jump to now',
    cancelled: 'Cancelled',
    postponed: 'Postponed',
    join: 'Join online',
    languages: 'Languages',
    organizedBy: 'Organized by',
    poll: 'Poll',
    zoneNote: (shown, event) => `Times in ${shown} time; the event’s (${event}) beside them.`,
    dstNote: (city, date) => `Clocks change in ${city} on ${date}.`,
  },
  fr: {
    filters: 'Filtrer le programme',
    day: 'Jour',
    track: 'Parcours',
    language: 'Langue',
    search: 'Rechercher',
    all: { day: 'Tous', track: 'Tous', lang: 'Toutes' },
    clear: 'Afficher toutes les sessions',
    shown: (n, total) => `${n.text} ${plural(n, { one: 'session affichée', other: 'sessions affichées' })} sur ${total.text}`,
    empty: 'Le programme n’a pas encore été publié.',
    noMatch: 'Aucune session ne correspond à ces filtres.',
    live: 'En direct',
    now: 'Maintenant',
    jumpToNow: 'Aller à l’heure actuelle',
    cancelled: 'Annulée',
    postponed: 'Reportée',
    join: 'Rejoindre en ligne',
    languages: 'Langues',
    organizedBy: 'Organisé par',
    poll: 'Sondage',
    zoneNote: (shown, event) => `Heures de ${shown}\u202f; celles de l’événement (${event}) à côté.`,
    dstNote: (city, date) => `Changement d’heure à ${city} le ${date}.`,
  },
  es: {
    filters: 'Filtrar el programa',
    day: 'Día',
    track: 'Línea temática',
    language: 'Idioma',
    search: 'Buscar',
    all: { day: 'Todos', track: 'Todas', lang: 'Todos' },
    clear: 'Mostrar todas las sesiones',
    shown: (n, total) => `${n.text} de ${total.text} ${plural(total, { one: 'sesión mostrada', other: 'sesiones mostradas' })}`,
    empty: 'El programa aún no se ha publicado.',
    noMatch: 'Ninguna sesión coincide con estos filtros.',
    live: 'En directo',
    now: 'Ahora',
    jumpToNow: 'Ir a la hora actual',
    cancelled: 'Cancelada',
    postponed: 'Aplazada',
    join: 'Unirse en línea',
    languages: 'Idiomas',
    organizedBy: 'Organizado por',
    poll: 'Encuesta',
    zoneNote: (shown, event) => `Horas de ${shown}; las del evento (${event}) al lado.`,
    dstNote: (city, date) => `Cambio de hora en ${city} el ${date}.`,
  },
  ar: {
    filters: 'تصفية البرنامج',
    day: 'اليوم',
    track: 'المسار',
    language: 'اللغة',
    search: 'بحث',
    all: { day: 'الكل', track: 'الكل', lang: 'الكل' },
    clear: 'عرض كل الجلسات',
    // The counted noun agrees with the total: جلسة واحدة، جلستين، 3–10 جلسات، 11 جلسة وما فوق.
    shown: (n, total) =>
      `عُرضت ${n.text} من ${plural(total, { one: 'جلسة واحدة', two: 'جلستين', few: `${total.text} جلسات`, other: `${total.text} جلسة` })}`,
    empty: 'لم يُنشر البرنامج بعد.',
    noMatch: 'لا توجد جلسة تطابق عوامل التصفية هذه.',
    live: 'مباشر',
    now: 'الآن',
    jumpToNow: 'انتقل إلى الوقت الحالي',
    cancelled: 'أُلغيت',
    postponed: 'أُجّلت',
    join: 'انضم عبر الإنترنت',
    languages: 'اللغات',
    organizedBy: 'تنظيم',
    poll: 'استطلاع',
    zoneNote: (shown, event) => `الأوقات بتوقيت ${shown}، وبجانبها توقيت الفعالية (${event}).`,
    dstNote: (city, date) => `يتغيّر التوقيت في ${city} يوم ${date}.`,
  },
};
