import { plural, type Count } from '../i18n/count.js';
import type { Catalog } from '../i18n/languages.js';

/** `when` is a formatted date and time with its zone. */
export interface PollMessages {
  noPoll: string;
  opens: (when: string) => string;
  openUntil: (when: string) => string;
  closed: (when: string) => string;
  closedNow: string;
  chooseOne: string;
  chooseUpTo: (n: Count) => string;
  limitReached: (n: Count) => string;
  chooseSomething: string;
  vote: string;
  yourVote: string;
  changeVote: string;
  keepVote: string;
  thanks: string;
  pending: string;
  notOpen: string;
  rateLimited: string;
  rejected: string;
  results: string;
  voters: string;
  question: string;
  votes: string;
  share: string;
  showTable: string;
  afterVote: string;
  afterClose: string;
}

export const pollMessages: Catalog<PollMessages> = {
  en: {
    noPoll: 'There is no poll to show.',
    opens: (when) => `Opens ${when}.`,
    openUntil: (when) => `Open until ${when}.`,
    closed: (when) => `Closed ${when}.`,
    closedNow: 'This poll is closed.',
    chooseOne: 'Choose one answer.',
    chooseUpTo: (n) => `Choose up to ${n.text} ${plural(n, { one: 'answer', other: 'answers' })}.`,
    limitReached: (n) => `That is the most (${n.text}): uncheck one to change.`,
    chooseSomething: 'Choose an answer first.',
    vote: 'Vote',
    yourVote: 'Your vote',
    changeVote: 'Change my vote',
    keepVote: 'Keep my vote',
    thanks: 'Thank you, your vote is counted.',
    pending: 'Your vote is saved on this device and will be sent when the connection returns.',
    notOpen: 'This poll is not open, so your vote was not counted.',
    rateLimited: 'Too many votes right now: yours is saved and will be sent shortly.',
    rejected: 'Your vote was not accepted. Check your answers and try again.',
    results: 'Results',
    voters: 'Voters',
    question: 'Answer',
    votes: 'Votes',
    share: 'Share',
    showTable: 'Show as table',
    afterVote: 'Results are shown once you have voted.',
    afterClose: 'Results are shown when the poll closes.',
  },
  fr: {
    noPoll: 'Aucun sondage à afficher.',
    opens: (when) => `Ouverture ${when}.`,
    openUntil: (when) => `Ouvert jusqu’au ${when}.`,
    closed: (when) => `Clos le ${when}.`,
    closedNow: 'Ce sondage est clos.',
    chooseOne: 'Choisissez une réponse.',
    chooseUpTo: (n) => `Choisissez jusqu’à ${n.text} ${plural(n, { one: 'réponse', other: 'réponses' })}.`,
    limitReached: (n) => `C’est le maximum (${n.text})\u202f: décochez-en une pour changer.`,
    chooseSomething: 'Choisissez d’abord une réponse.',
    vote: 'Voter',
    yourVote: 'Votre vote',
    changeVote: 'Modifier mon vote',
    keepVote: 'Garder mon vote',
    thanks: 'Merci, votre vote est compté.',
    pending: 'Votre vote est enregistré sur cet appareil et sera envoyé au retour de la connexion.',
    notOpen: 'Ce sondage n’est pas ouvert\u202f: votre vote n’a pas été compté.',
    rateLimited: 'Trop de votes en ce moment\u202f: le vôtre est enregistré et sera envoyé sous peu.',
    rejected: 'Vote refusé. Vérifiez vos réponses et réessayez.',
    results: 'Résultats',
    voters: 'Votants',
    question: 'Réponse',
    votes: 'Voix',
    share: 'Part',
    showTable: 'Afficher en tableau',
    afterVote: 'Les résultats s’affichent une fois que vous avez voté.',
    afterClose: 'Les résultats s’affichent à la clôture du sondage.',
  },
  es: {
    noPoll: 'No hay ninguna encuesta que mostrar.',
    opens: (when) => `Se abre el ${when}.`,
    openUntil: (when) => `Abierta hasta el ${when}.`,
    closed: (when) => `Cerrada el ${when}.`,
    closedNow: 'Esta encuesta está cerrada.',
    chooseOne: 'Elija una respuesta.',
    chooseUpTo: (n) => `Elija hasta ${n.text} ${plural(n, { one: 'respuesta', other: 'respuestas' })}.`,
    limitReached: (n) => `Es el máximo (${n.text}): desmarque una para cambiar.`,
    chooseSomething: 'Elija primero una respuesta.',
    vote: 'Votar',
    yourVote: 'Su voto',
    changeVote: 'Cambiar mi voto',
    keepVote: 'Mantener mi voto',
    thanks: 'Gracias, su voto se ha contado.',
    pending: 'Su voto está guardado en este dispositivo y se enviará cuando vuelva la conexión.',
    notOpen: 'Esta encuesta no está abierta: su voto no se ha contado.',
    rateLimited: 'Demasiados votos ahora: el suyo está guardado y se enviará en breve.',
    rejected: 'Voto rechazado. Revise sus respuestas e inténtelo de nuevo.',
    results: 'Resultados',
    voters: 'Votantes',
    question: 'Respuesta',
    votes: 'Votos',
    share: 'Porcentaje',
    showTable: 'Ver como tabla',
    afterVote: 'Los resultados se muestran después de votar.',
    afterClose: 'Los resultados se muestran al cerrarse la encuesta.',
  },
  ar: {
    noPoll: 'لا يوجد استطلاع لعرضه.',
    opens: (when) => `يُفتح في ${when}.`,
    openUntil: (when) => `مفتوح حتى ${when}.`,
    closed: (when) => `أُغلق في ${when}.`,
    closedNow: 'هذا الاستطلاع مغلق.',
    chooseOne: 'اختر إجابة واحدة.',
    // Dual and plural agree with the number: إجابة واحدة، إجابتين، 3–10 إجابات، 11 إجابة وما فوق.
    chooseUpTo: (n) =>
      plural(n, { one: 'اختر إجابة واحدة.', two: 'اختر إجابتين على الأكثر.', few: `اختر حتى ${n.text} إجابات.`, other: `اختر حتى ${n.text} إجابة.` }),
    limitReached: (n) => `هذا هو الحد الأقصى (${n.text}): ألغِ اختيار إجابة للتغيير.`,
    chooseSomething: 'اختر إجابة أولًا.',
    vote: 'صوّت',
    yourVote: 'صوتك',
    changeVote: 'غيّر صوتي',
    keepVote: 'أبقِ صوتي',
    thanks: 'شكرًا، تم احتساب صوتك.',
    pending: 'صوتك محفوظ على هذا الجهاز وسيُرسل عند عودة الاتصال.',
    notOpen: 'هذا الاستطلاع غير مفتوح، لذلك لم يُحتسب صوتك.',
    rateLimited: 'أصوات كثيرة الآن: صوتك محفوظ وسيُرسل بعد قليل.',
    rejected: 'لم يُقبل صوتك. راجع إجاباتك وحاول مجددًا.',
    results: 'النتائج',
    voters: 'المصوّتون',
    question: 'الإجابة',
    votes: 'الأصوات',
    share: 'النسبة',
    showTable: 'اعرض كجدول',
    afterVote: 'تظهر النتائج بعد أن تصوّت.',
    afterClose: 'تظهر النتائج عند إغلاق الاستطلاع.',
  },
};
