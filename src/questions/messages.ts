import { plural, type Count } from '../i18n/count.js';
import type { Catalog } from '../i18n/languages.js';

/** `when` is a formatted date and time with its zone. */
export interface QuestionMessages {
  noBoard: string;
  opens: (when: string) => string;
  openUntil: (when: string) => string;
  closed: string;
  yourQuestion: string;
  yourName: string;
  optional: string;
  /** The visible counter and the polite announcement near the limit. */
  left: (n: Count) => string;
  over: (n: Count) => string;
  ask: string;
  writeSomething: string;
  thanks: string;
  thanksModeration: string;
  kept: string;
  tooLong: string;
  notOpen: string;
  rateLimited: string;
  refused: string;
  sortBy: string;
  byVotes: string;
  newest: string;
  questions: string;
  none: string;
  mine: string;
  sending: string;
  waitingModeration: string;
  /** The upvote button's name, said with its count and pressed state. */
  upvote: string;
  votes: (n: Count) => string;
  answered: string;
  pinned: string;
  anonymous: string;
}

export const questionMessages: Catalog<QuestionMessages> = {
  en: {
    noBoard: 'There are no questions to show.',
    opens: (when) => `Questions open ${when}.`,
    openUntil: (when) => `Open until ${when}.`,
    closed: 'Questions are closed.',
    yourQuestion: 'Your question',
    yourName: 'Your name',
    optional: '(optional)',
    left: (n) => plural(n, { one: `${n.text} character left`, other: `${n.text} characters left` }),
    over: (n) => plural(n, { one: `${n.text} character too many`, other: `${n.text} characters too many` }),
    ask: 'Ask',
    writeSomething: 'Write a question first.',
    thanks: 'Thank you, your question is on the list.',
    thanksModeration: 'Thank you. Your question will appear once a moderator approves it.',
    kept: 'No connection: your question is kept and will be sent as soon as possible.',
    tooLong: 'Your question is too long.',
    notOpen: 'Questions are not open.',
    rateLimited: 'Too many questions at once: yours is kept and will be sent in a moment.',
    refused: 'Your question could not be accepted.',
    sortBy: 'Sort by',
    byVotes: 'Most votes',
    newest: 'Newest',
    questions: 'Questions',
    none: 'No questions yet. Be the first to ask.',
    mine: 'Your questions not published yet',
    sending: 'Sending…',
    waitingModeration: 'Waiting for a moderator',
    upvote: 'Upvote',
    votes: (n) => plural(n, { one: `${n.text} vote`, other: `${n.text} votes` }),
    answered: 'Answered',
    pinned: 'Pinned',
    anonymous: 'Anonymous',
  },
  fr: {
    noBoard: 'Aucune question à afficher.',
    opens: (when) => `Questions ouvertes à partir du ${when}.`,
    openUntil: (when) => `Ouvert jusqu’au ${when}.`,
    closed: 'Les questions sont closes.',
    yourQuestion: 'Votre question',
    yourName: 'Votre nom',
    optional: '(facultatif)',
    left: (n) => plural(n, { one: `${n.text} caractère restant`, other: `${n.text} caractères restants` }),
    over: (n) => plural(n, { one: `${n.text} caractère de trop`, other: `${n.text} caractères de trop` }),
    ask: 'Poser la question',
    writeSomething: 'Écrivez d’abord une question.',
    thanks: 'Merci, votre question est dans la liste.',
    thanksModeration: 'Merci. Votre question apparaîtra dès qu’un modérateur l’aura approuvée.',
    kept: 'Pas de connexion : votre question est conservée et sera envoyée dès que possible.',
    tooLong: 'Votre question est trop longue.',
    notOpen: 'Les questions ne sont pas ouvertes.',
    rateLimited: 'Trop de questions à la fois : la vôtre est conservée et sera envoyée dans un instant.',
    refused: 'Votre question n’a pas pu être acceptée.',
    sortBy: 'Trier par',
    byVotes: 'Plus de votes',
    newest: 'Plus récentes',
    questions: 'Questions',
    none: 'Aucune question pour l’instant. Soyez le premier ou la première.',
    mine: 'Vos questions pas encore publiées',
    sending: 'Envoi…',
    waitingModeration: 'En attente de modération',
    upvote: 'Soutenir',
    votes: (n) => plural(n, { one: `${n.text} vote`, other: `${n.text} votes` }),
    answered: 'Répondu',
    pinned: 'Épinglée',
    anonymous: 'Anonyme',
  },
  es: {
    noBoard: 'No hay preguntas que mostrar.',
    opens: (when) => `Las preguntas se abren el ${when}.`,
    openUntil: (when) => `Abierto hasta el ${when}.`,
    closed: 'Las preguntas están cerradas.',
    yourQuestion: 'Su pregunta',
    yourName: 'Su nombre',
    optional: '(opcional)',
    left: (n) => plural(n, { one: `Queda ${n.text} carácter`, other: `Quedan ${n.text} caracteres` }),
    over: (n) => plural(n, { one: `${n.text} carácter de más`, other: `${n.text} caracteres de más` }),
    ask: 'Preguntar',
    writeSomething: 'Escriba primero una pregunta.',
    thanks: 'Gracias, su pregunta está en la lista.',
    thanksModeration: 'Gracias. Su pregunta aparecerá cuando un moderador la apruebe.',
    kept: 'Sin conexión: su pregunta se guarda y se enviará lo antes posible.',
    tooLong: 'Su pregunta es demasiado larga.',
    notOpen: 'Las preguntas no están abiertas.',
    rateLimited: 'Demasiadas preguntas a la vez: la suya se guarda y se enviará en un momento.',
    refused: 'Su pregunta no pudo ser aceptada.',
    sortBy: 'Ordenar por',
    byVotes: 'Más votos',
    newest: 'Más recientes',
    questions: 'Preguntas',
    none: 'Aún no hay preguntas. Sea el primero en preguntar.',
    mine: 'Sus preguntas aún no publicadas',
    sending: 'Enviando…',
    waitingModeration: 'Pendiente de moderación',
    upvote: 'Apoyar',
    votes: (n) => plural(n, { one: `${n.text} voto`, other: `${n.text} votos` }),
    answered: 'Respondida',
    pinned: 'Fijada',
    anonymous: 'Anónimo',
  },
  ar: {
    noBoard: 'لا توجد أسئلة لعرضها.',
    opens: (when) => `تُفتح الأسئلة في ${when}.`,
    openUntil: (when) => `مفتوح حتى ${when}.`,
    closed: 'باب الأسئلة مغلق.',
    yourQuestion: 'سؤالك',
    yourName: 'اسمك',
    optional: '(اختياري)',
    left: (n) =>
      plural(n, {
        zero: `لم يبقَ أي حرف`,
        one: `بقي حرف واحد`,
        two: `بقي حرفان`,
        few: `بقيت ${n.text} أحرف`,
        other: `بقي ${n.text} حرفًا`,
      }),
    over: (n) => plural(n, { one: `حرف واحد زائد`, two: `حرفان زائدان`, few: `${n.text} أحرف زائدة`, other: `${n.text} حرفًا زائدًا` }),
    ask: 'اسأل',
    writeSomething: 'اكتب سؤالًا أولًا.',
    thanks: 'شكرًا، سؤالك في القائمة.',
    thanksModeration: 'شكرًا. سيظهر سؤالك بعد موافقة المشرف.',
    kept: 'لا يوجد اتصال: سؤالك محفوظ وسيُرسل في أقرب وقت.',
    tooLong: 'سؤالك طويل جدًا.',
    notOpen: 'باب الأسئلة غير مفتوح.',
    rateLimited: 'أسئلة كثيرة في وقت واحد: سؤالك محفوظ وسيُرسل بعد لحظة.',
    refused: 'تعذّر قبول سؤالك.',
    sortBy: 'الترتيب حسب',
    byVotes: 'الأكثر تصويتًا',
    newest: 'الأحدث',
    questions: 'الأسئلة',
    none: 'لا توجد أسئلة بعد. كن أول من يسأل.',
    mine: 'أسئلتك التي لم تُنشر بعد',
    sending: 'جارٍ الإرسال…',
    waitingModeration: 'بانتظار المشرف',
    upvote: 'تأييد',
    votes: (n) => plural(n, { zero: `لا أصوات`, one: `صوت واحد`, two: `صوتان`, few: `${n.text} أصوات`, other: `${n.text} صوتًا` }),
    answered: 'تمت الإجابة',
    pinned: 'مثبّت',
    anonymous: 'مجهول',
  },
};
