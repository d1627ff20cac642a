import type { Catalog } from './languages.js';
import type { FeedErrorCode } from '../feed/store.js';

/** Words every widget needs: feed states, time-zone labels, calendar links. */
export interface CommonMessages {
  loading: string;
  noSource: string;
  errorTitle: string;
  errors: Record<FeedErrorCode, string>;
  /** Shown above a last good copy when the feed could not be refreshed. */
  staleSince: (when: string) => string;
  yourTime: string;
  /** What follows a label before its value: French sets a narrow no-break space before the colon. */
  colon: string;
  addToCalendar: string;
  downloadIcs: string;
  googleCalendar: string;
  outlookCalendar: string;
}

export const commonMessages: Catalog<CommonMessages> = {
  en: {
    loading: 'Loading…',
    noSource: 'No event feed: give this widget a src attribute or place it inside <civic-event>.',
    errorTitle: 'The event information could not be loaded.',
    errors: {
      network: 'The network is unreachable. Please try again later.',
      cors: 'The feed’s server does not allow this site.',
      timeout: 'The server took too long to answer.',
      http: 'The server answered with an error.',
      'content-type': 'The server did not send event data.',
      json: 'The event data is damaged.',
      schema: 'The event data is incomplete or malformed.',
      'too-large': 'The event data is too large to show.',
    },
    staleSince: (when) => `Could not refresh; showing the information saved ${when}.`,
    yourTime: 'your time',
    colon: ':',
    addToCalendar: 'Add to calendar',
    downloadIcs: 'Calendar file (.ics)',
    googleCalendar: 'Google Calendar',
    outlookCalendar: 'Outlook',
  },
  fr: {
    loading: 'Chargement…',
    noSource: 'Aucun flux\u202f: donnez à ce widget un attribut src ou placez-le dans <civic-event>.',
    errorTitle: 'Les informations de l’événement n’ont pas pu être chargées.',
    errors: {
      network: 'Le réseau est injoignable. Veuillez réessayer plus tard.',
      cors: 'Le serveur du flux n’autorise pas ce site.',
      timeout: 'Le serveur a mis trop de temps à répondre.',
      http: 'Le serveur a répondu par une erreur.',
      'content-type': 'Le serveur n’a pas envoyé de données d’événement.',
      json: 'Les données de l’événement sont endommagées.',
      schema: 'Les données de l’événement sont incomplètes ou mal formées.',
      'too-large': 'Les données de l’événement sont trop volumineuses.',
    },
    staleSince: (when) => `Actualisation impossible\u202f; informations enregistrées le ${when}.`,
    yourTime: 'votre heure',
    colon: '\u202f:',
    addToCalendar: 'Ajouter au calendrier',
    downloadIcs: 'Fichier calendrier (.ics)',
    googleCalendar: 'Google Agenda',
    outlookCalendar: 'Outlook',
  },
  es: {
    loading: 'Cargando…',
    noSource: 'Sin fuente de datos: añada un atributo src a este widget o colóquelo dentro de <civic-event>.',
    errorTitle: 'No se pudo cargar la información del evento.',
    errors: {
      network: 'No hay conexión de red. Inténtelo de nuevo más tarde.',
      cors: 'El servidor del feed no permite este sitio.',
      timeout: 'El servidor tardó demasiado en responder.',
      http: 'El servidor respondió con un error.',
      'content-type': 'El servidor no envió datos del evento.',
      json: 'Los datos del evento están dañados.',
      schema: 'Los datos del evento están incompletos o mal formados.',
      'too-large': 'Los datos del evento son demasiado grandes.',
    },
    staleSince: (when) => `No se pudo actualizar; se muestra la información guardada el ${when}.`,
    yourTime: 'su hora',
    colon: ':',
    addToCalendar: 'Añadir al calendario',
    downloadIcs: 'Archivo de calendario (.ics)',
    googleCalendar: 'Google Calendar',
    outlookCalendar: 'Outlook',
  },
  ar: {
    loading: 'جارٍ التحميل…',
    noSource: 'لا يوجد مصدر بيانات: أضف السمة src إلى هذه الأداة أو ضعها داخل <civic-event>.',
    errorTitle: 'تعذّر تحميل معلومات الفعالية.',
    errors: {
      network: 'تعذّر الوصول إلى الشبكة. يُرجى المحاولة لاحقًا.',
      cors: 'خادم الموجز لا يسمح لهذا الموقع.',
      timeout: 'استغرق الخادم وقتًا طويلًا للرد.',
      http: 'ردّ الخادم بخطأ.',
      'content-type': 'لم يرسل الخادم بيانات الفعالية.',
      json: 'بيانات الفعالية تالفة.',
      schema: 'بيانات الفعالية ناقصة أو غير صحيحة.',
      'too-large': 'بيانات الفعالية أكبر من أن تُعرض.',
    },
    staleSince: (when) => `تعذّر التحديث؛ تُعرض المعلومات المحفوظة في ${when}.`,
    yourTime: 'بتوقيتك',
    colon: ':',
    addToCalendar: 'أضف إلى التقويم',
    downloadIcs: 'ملف التقويم (‎.ics)',
    googleCalendar: 'تقويم Google',
    outlookCalendar: 'Outlook',
  },
};
