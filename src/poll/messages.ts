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
  /** The poll's base URL does not answer as a poll API (a feed on a static host). */
  unavailable: string;
  /** Ranking polls: `n` is how many answers to order, `all` when every answer is to be ordered. */
  rankHint: (n: Count, all: boolean) => string;
  rankOf: (answer: string) => string;
  notRanked: string;
  moveUp: (answer: string) => string;
  moveDown: (answer: string) => string;
  /** Announced after a move: the answer and its new rank. */
  nowRanked: (answer: string, rank: Count) => string;
  nowUnranked: (answer: string) => string;
  rankSomething: string;
  rank: string;
  points: string;
  /** "5 points", with the plural the number takes. */
  pointCount: (n: Count) => string;
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
    unavailable: 'Voting is not available on this page.',
    rankHint: (n, all) => (all ? 'Put the answers in order: 1 is the most important.' : `Choose your top ${n.text} and put them in order: 1 is the most important.`),
    rankOf: (answer) => `Rank of ${answer}`,
    notRanked: 'Not ranked',
    moveUp: (answer) => `Move ${answer} up`,
    moveDown: (answer) => `Move ${answer} down`,
    nowRanked: (answer, rank) => `${answer}: rank ${rank.text}.`,
    nowUnranked: (answer) => `${answer}: not ranked.`,
    rankSomething: 'Rank at least one answer first.',
    rank: 'Rank',
    points: 'Points',
    pointCount: (n) => `${n.text} ${plural(n, { one: 'point', other: 'points' })}`,
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
    unavailable: 'Le vote n’est pas disponible sur cette page.',
    rankHint: (n, all) =>
      all ? 'Classez les réponses\u202f: 1 est la plus importante.' : `Choisissez vos ${n.text} premières réponses et classez-les\u202f: 1 est la plus importante.`,
    rankOf: (answer) => `Rang de ${answer}`,
    notRanked: 'Non classée',
    moveUp: (answer) => `Monter ${answer}`,
    moveDown: (answer) => `Descendre ${answer}`,
    nowRanked: (answer, rank) => `${answer}\u202f: rang ${rank.text}.`,
    nowUnranked: (answer) => `${answer}\u202f: non classée.`,
    rankSomething: 'Classez d’abord au moins une réponse.',
    rank: 'Rang',
    points: 'Points',
    pointCount: (n) => `${n.text}\u00a0${plural(n, { one: 'point', other: 'points' })}`,
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
    unavailable: 'La votación no está disponible en esta página.',
    rankHint: (n, all) =>
      all ? 'Ordene las respuestas: 1 es la más importante.' : `Elija sus ${n.text} primeras respuestas y ordénelas: 1 es la más importante.`,
    rankOf: (answer) => `Puesto de ${answer}`,
    notRanked: 'Sin puesto',
    moveUp: (answer) => `Subir ${answer}`,
    moveDown: (answer) => `Bajar ${answer}`,
    nowRanked: (answer, rank) => `${answer}: puesto ${rank.text}.`,
    nowUnranked: (answer) => `${answer}: sin puesto.`,
    rankSomething: 'Ordene primero al menos una respuesta.',
    rank: 'Puesto',
    points: 'Puntos',
    pointCount: (n) => `${n.text} ${plural(n, { one: 'punto', other: 'puntos' })}`,
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
    unavailable: 'التصويت غير متاح في هذه الصفحة.',
    rankHint: (n, all) =>
      all ? 'رتّب الإجابات: الأولى هي الأهم.' : `اختر أهم ${n.text} ${plural(n, { few: 'إجابات', other: 'إجابة' })} ورتّبها: الأولى هي الأهم.`,
    rankOf: (answer) => `ترتيب ${answer}`,
    notRanked: 'غير مرتّبة',
    moveUp: (answer) => `انقل ${answer} إلى الأعلى`,
    moveDown: (answer) => `انقل ${answer} إلى الأسفل`,
    nowRanked: (answer, rank) => `${answer}: الترتيب ${rank.text}.`,
    nowUnranked: (answer) => `${answer}: غير مرتّبة.`,
    rankSomething: 'رتّب إجابة واحدة على الأقل أولًا.',
    rank: 'الترتيب',
    points: 'النقاط',
    pointCount: (n) => plural(n, { one: 'نقطة واحدة', two: 'نقطتان', few: `${n.text} نقاط`, other: `${n.text} نقطة` }),
  },
};
