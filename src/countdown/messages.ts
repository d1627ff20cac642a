import type { Catalog } from '../i18n/languages.js';

/** The countdown's own words; units and lists come from Intl. */
export interface CountdownMessages {
  /** The timer's accessible name. */
  timeLeft: string;
  /** `duration` is an Intl list such as "2 days, 3 hours and 5 minutes". */
  startsIn: (duration: string) => string;
  live: string;
  /** The one polite announcement, made when the session goes live while the visitor is here. */
  wentLive: (title: string) => string;
  join: string;
  ended: string;
  recording: string;
  cancelled: string;
  postponed: string;
  noSession: string;
}

export const countdownMessages: Catalog<CountdownMessages> = {
  en: {
    timeLeft: 'Time until the start',
    startsIn: (d) => `Starts in ${d}`,
    live: 'Live now',
    wentLive: (title) => `${title} is live now.`,
    join: 'Join the session',
    ended: 'This session has ended.',
    recording: 'Watch the recording',
    cancelled: 'This session has been cancelled.',
    postponed: 'This session has been postponed. A new date will be announced.',
    noSession: 'There is no session to show.',
  },
  fr: {
    timeLeft: 'Temps restant avant le début',
    startsIn: (d) => `Commence dans ${d}`,
    live: 'En direct',
    wentLive: (title) => `${title} est en direct.`,
    join: 'Rejoindre la session',
    ended: 'Cette session est terminée.',
    recording: 'Voir l’enregistrement',
    cancelled: 'Cette session a été annulée.',
    postponed: 'Cette session a été reportée. Une nouvelle date sera annoncée.',
    noSession: 'Aucune session à afficher.',
  },
  es: {
    timeLeft: 'Tiempo hasta el inicio',
    startsIn: (d) => `Empieza en ${d}`,
    live: 'En directo',
    wentLive: (title) => `${title} está en directo.`,
    join: 'Unirse a la sesión',
    ended: 'Esta sesión ha terminado.',
    recording: 'Ver la grabación',
    cancelled: 'Esta sesión ha sido cancelada.',
    postponed: 'Esta sesión ha sido aplazada. Se anunciará una nueva fecha.',
    noSession: 'No hay ninguna sesión que mostrar.',
  },
  ar: {
    timeLeft: 'الوقت المتبقي حتى البدء',
    startsIn: (d) => `تبدأ بعد ${d}`,
    live: 'مباشر الآن',
    wentLive: (title) => `${title} مباشر الآن.`,
    join: 'انضم إلى الجلسة',
    ended: 'انتهت هذه الجلسة.',
    recording: 'شاهد التسجيل',
    cancelled: 'أُلغيت هذه الجلسة.',
    postponed: 'أُجّلت هذه الجلسة. سيُعلن عن موعد جديد.',
    noSession: 'لا توجد جلسة لعرضها.',
  },
};
