import type { Catalog } from '../i18n/languages.js';

export interface AdminMessages {
  console: string;
  signInTitle: string;
  token: string;
  tokenHint: string;
  signIn: string;
  signOut: string;
  wrongToken: string;
  tooMany: string;
  linkExpired: string;
  sessionEnded: string;
  polls: string;
  feeds: string;
  poll: string;
  status: string;
  voters: string;
  totals: string;
  actions: string;
  scheduled: string;
  open: string;
  closed: string;
  openNow: string;
  closeNow: string;
  reset: string;
  exportCsv: string;
  present: string;
  /** `{poll}` and `{votes}` are replaced. */
  confirmReset: string;
  cancel: string;
  resetConfirm: string;
  done: string;
  failed: string;
  sessions: string;
  loadedAt: string;
  valid: string;
  errors: string;
  warnings: string;
  lastSync: string;
  lastError: string;
  never: string;
  live: string;
  reconnecting: string;
  // Questions
  questions: string;
  moderationPre: string;
  moderationNone: string;
  waiting: string;
  noneWaiting: string;
  published: string;
  nonePublished: string;
  rejected: string;
  publish: string;
  reject: string;
  withdraw: string;
  answered: string;
  notAnswered: string;
  pinned: string;
  notPinned: string;
  /** `{question}` and `{state}` are replaced. */
  questionDone: string;
  /** `{n}` is replaced. */
  waitingCount: string;
  // Presenter
  voteAt: string;
  hidden: string;
  reveal: string;
  hide: string;
  previous: string;
  next: string;
  help: string;
  shortcuts: string;
  close: string;
  fullScreen: string;
  signInForControls: string;
  score: string;
}

export const messages: Catalog<AdminMessages> = {
  en: {
    console: 'Organizer console',
    signInTitle: 'Sign in',
    token: 'Admin token',
    tokenHint: 'The CIVIC_ADMIN_TOKEN of this server, or open the sign-in link it printed.',
    signIn: 'Sign in',
    signOut: 'Sign out',
    wrongToken: 'This is not the admin token.',
    tooMany: 'Too many attempts. Wait a minute and try again.',
    linkExpired: 'This sign-in link has been used or has expired. Sign in with the token, or restart the server for a new link.',
    sessionEnded: 'Your session has ended. Sign in again.',
    polls: 'Polls',
    feeds: 'Feeds',
    poll: 'Poll',
    status: 'Status',
    voters: 'Voters',
    totals: 'Results',
    actions: 'Actions',
    scheduled: 'Scheduled',
    open: 'Open',
    closed: 'Closed',
    openNow: 'Open now',
    closeNow: 'Close now',
    reset: 'Reset',
    exportCsv: 'Export CSV',
    present: 'Present',
    confirmReset: 'Reset “{poll}”? {votes} will be deleted for good.',
    cancel: 'Cancel',
    resetConfirm: 'Delete the votes',
    done: 'Done: {poll} is now {status}.',
    failed: 'That did not work: {message}',
    sessions: 'Sessions',
    loadedAt: 'Loaded',
    valid: 'Valid',
    errors: 'Errors',
    warnings: 'Warnings',
    lastSync: 'Last sync',
    lastError: 'Last error',
    never: 'never',
    live: 'Live',
    reconnecting: 'Reconnecting…',
    questions: 'Questions',
    moderationPre: 'Each question waits for approval before visitors see it.',
    moderationNone: 'Questions are shown as soon as they are asked.',
    waiting: 'Waiting for approval',
    noneWaiting: 'No question is waiting.',
    published: 'Published',
    nonePublished: 'No question has been published yet.',
    rejected: 'Rejected',
    publish: 'Publish',
    reject: 'Reject',
    withdraw: 'Withdraw',
    answered: 'Answered',
    notAnswered: 'Not answered',
    pinned: 'Pinned',
    notPinned: 'Not pinned',
    questionDone: '“{question}”: {state}.',
    waitingCount: 'Questions waiting: {n}',
    voteAt: 'Vote at',
    hidden: 'Results are hidden until you reveal them or the poll closes.',
    reveal: 'Reveal results',
    hide: 'Hide results',
    previous: 'Previous poll',
    next: 'Next poll',
    help: 'Keyboard shortcuts',
    shortcuts: 'Shortcuts',
    close: 'Close',
    fullScreen: 'Full screen',
    signInForControls: 'Sign in to the console to open and close polls from here.',
    score: 'Score',
  },
  fr: {
    console: 'Console de l’organisateur',
    signInTitle: 'Connexion',
    token: 'Jeton d’administration',
    tokenHint: 'Le CIVIC_ADMIN_TOKEN de ce serveur, ou ouvrez le lien de connexion qu’il a affiché.',
    signIn: 'Se connecter',
    signOut: 'Se déconnecter',
    wrongToken: 'Ce n’est pas le jeton d’administration.',
    tooMany: 'Trop de tentatives. Attendez une minute puis réessayez.',
    linkExpired: 'Ce lien de connexion a déjà servi ou a expiré. Connectez-vous avec le jeton, ou redémarrez le serveur pour un nouveau lien.',
    sessionEnded: 'Votre session a pris fin. Reconnectez-vous.',
    polls: 'Sondages',
    feeds: 'Flux',
    poll: 'Sondage',
    status: 'État',
    voters: 'Votants',
    totals: 'Résultats',
    actions: 'Actions',
    scheduled: 'Programmé',
    open: 'Ouvert',
    closed: 'Fermé',
    openNow: 'Ouvrir',
    closeNow: 'Fermer',
    reset: 'Réinitialiser',
    exportCsv: 'Exporter en CSV',
    present: 'Présenter',
    confirmReset: 'Réinitialiser « {poll} » ? {votes} seront supprimés définitivement.',
    cancel: 'Annuler',
    resetConfirm: 'Supprimer les votes',
    done: 'C’est fait : {poll} est maintenant {status}.',
    failed: 'Échec : {message}',
    sessions: 'Séances',
    loadedAt: 'Chargé',
    valid: 'Valide',
    errors: 'Erreurs',
    warnings: 'Avertissements',
    lastSync: 'Dernière synchronisation',
    lastError: 'Dernière erreur',
    never: 'jamais',
    live: 'En direct',
    reconnecting: 'Reconnexion…',
    questions: 'Questions',
    moderationPre: 'Chaque question attend votre validation avant d’être visible.',
    moderationNone: 'Les questions sont visibles dès qu’elles sont posées.',
    waiting: 'En attente de validation',
    noneWaiting: 'Aucune question en attente.',
    published: 'Publiées',
    nonePublished: 'Aucune question publiée pour l’instant.',
    rejected: 'Rejetées',
    publish: 'Publier',
    reject: 'Rejeter',
    withdraw: 'Retirer',
    answered: 'Répondue',
    notAnswered: 'Non répondue',
    pinned: 'Épinglée',
    notPinned: 'Non épinglée',
    questionDone: '« {question} » : {state}.',
    waitingCount: 'Questions en attente : {n}',
    voteAt: 'Votez sur',
    hidden: 'Les résultats restent cachés jusqu’à ce que vous les révéliez ou que le sondage ferme.',
    reveal: 'Révéler les résultats',
    hide: 'Masquer les résultats',
    previous: 'Sondage précédent',
    next: 'Sondage suivant',
    help: 'Raccourcis clavier',
    shortcuts: 'Raccourcis',
    close: 'Fermer',
    fullScreen: 'Plein écran',
    signInForControls: 'Connectez-vous à la console pour ouvrir et fermer les sondages d’ici.',
    score: 'Score',
  },
  es: {
    console: 'Consola del organizador',
    signInTitle: 'Iniciar sesión',
    token: 'Token de administración',
    tokenHint: 'El CIVIC_ADMIN_TOKEN de este servidor, o abra el enlace de acceso que mostró.',
    signIn: 'Entrar',
    signOut: 'Cerrar sesión',
    wrongToken: 'Este no es el token de administración.',
    tooMany: 'Demasiados intentos. Espere un minuto y vuelva a intentarlo.',
    linkExpired: 'Este enlace de acceso ya se usó o ha caducado. Entre con el token o reinicie el servidor para obtener otro.',
    sessionEnded: 'Su sesión ha terminado. Vuelva a entrar.',
    polls: 'Encuestas',
    feeds: 'Fuentes',
    poll: 'Encuesta',
    status: 'Estado',
    voters: 'Votantes',
    totals: 'Resultados',
    actions: 'Acciones',
    scheduled: 'Programada',
    open: 'Abierta',
    closed: 'Cerrada',
    openNow: 'Abrir ahora',
    closeNow: 'Cerrar ahora',
    reset: 'Reiniciar',
    exportCsv: 'Exportar CSV',
    present: 'Presentar',
    confirmReset: '¿Reiniciar «{poll}»? Se borrarán {votes} para siempre.',
    cancel: 'Cancelar',
    resetConfirm: 'Borrar los votos',
    done: 'Hecho: {poll} está ahora {status}.',
    failed: 'No funcionó: {message}',
    sessions: 'Sesiones',
    loadedAt: 'Cargada',
    valid: 'Válida',
    errors: 'Errores',
    warnings: 'Avisos',
    lastSync: 'Última sincronización',
    lastError: 'Último error',
    never: 'nunca',
    live: 'En directo',
    reconnecting: 'Reconectando…',
    questions: 'Preguntas',
    moderationPre: 'Cada pregunta espera su aprobación antes de mostrarse.',
    moderationNone: 'Las preguntas se muestran en cuanto se envían.',
    waiting: 'Pendientes de aprobación',
    noneWaiting: 'No hay preguntas pendientes.',
    published: 'Publicadas',
    nonePublished: 'Aún no se ha publicado ninguna pregunta.',
    rejected: 'Rechazadas',
    publish: 'Publicar',
    reject: 'Rechazar',
    withdraw: 'Retirar',
    answered: 'Respondida',
    notAnswered: 'Sin responder',
    pinned: 'Fijada',
    notPinned: 'Sin fijar',
    questionDone: '«{question}»: {state}.',
    waitingCount: 'Preguntas pendientes: {n}',
    voteAt: 'Vote en',
    hidden: 'Los resultados quedan ocultos hasta que los revele o se cierre la encuesta.',
    reveal: 'Mostrar resultados',
    hide: 'Ocultar resultados',
    previous: 'Encuesta anterior',
    next: 'Encuesta siguiente',
    help: 'Atajos de teclado',
    shortcuts: 'Atajos',
    close: 'Cerrar',
    fullScreen: 'Pantalla completa',
    signInForControls: 'Entre en la consola para abrir y cerrar encuestas desde aquí.',
    score: 'Puntuación',
  },
  ar: {
    console: 'لوحة المنظِّم',
    signInTitle: 'تسجيل الدخول',
    token: 'رمز الإدارة',
    tokenHint: 'رمز CIVIC_ADMIN_TOKEN لهذا الخادم، أو افتح رابط الدخول الذي طبعه.',
    signIn: 'دخول',
    signOut: 'تسجيل الخروج',
    wrongToken: 'هذا ليس رمز الإدارة.',
    tooMany: 'محاولات كثيرة جدًا. انتظر دقيقة ثم حاول مجددًا.',
    linkExpired: 'استُخدم رابط الدخول هذا أو انتهت صلاحيته. ادخل بالرمز، أو أعد تشغيل الخادم للحصول على رابط جديد.',
    sessionEnded: 'انتهت جلستك. سجّل الدخول مجددًا.',
    polls: 'الاستطلاعات',
    feeds: 'الخلاصات',
    poll: 'الاستطلاع',
    status: 'الحالة',
    voters: 'المصوّتون',
    totals: 'النتائج',
    actions: 'الإجراءات',
    scheduled: 'مجدول',
    open: 'مفتوح',
    closed: 'مغلق',
    openNow: 'افتح الآن',
    closeNow: 'أغلق الآن',
    reset: 'إعادة تعيين',
    exportCsv: 'تصدير CSV',
    present: 'اعرض',
    confirmReset: 'إعادة تعيين «{poll}»؟ سيُحذف {votes} نهائيًا.',
    cancel: 'إلغاء',
    resetConfirm: 'احذف الأصوات',
    done: 'تم: {poll} الآن {status}.',
    failed: 'لم ينجح ذلك: {message}',
    sessions: 'الجلسات',
    loadedAt: 'وقت التحميل',
    valid: 'صالحة',
    errors: 'أخطاء',
    warnings: 'تحذيرات',
    lastSync: 'آخر مزامنة',
    lastError: 'آخر خطأ',
    never: 'أبدًا',
    live: 'مباشر',
    reconnecting: 'جارٍ إعادة الاتصال…',
    questions: 'الأسئلة',
    moderationPre: 'ينتظر كل سؤال موافقتك قبل أن يراه الزوار.',
    moderationNone: 'تظهر الأسئلة فور طرحها.',
    waiting: 'بانتظار الموافقة',
    noneWaiting: 'لا يوجد سؤال بانتظار الموافقة.',
    published: 'المنشورة',
    nonePublished: 'لم يُنشر أي سؤال بعد.',
    rejected: 'المرفوضة',
    publish: 'انشر',
    reject: 'ارفض',
    withdraw: 'اسحب',
    answered: 'تمت الإجابة',
    notAnswered: 'لم تتم الإجابة',
    pinned: 'مثبّت',
    notPinned: 'غير مثبّت',
    questionDone: '«{question}»: {state}.',
    waitingCount: 'أسئلة بانتظار الموافقة: {n}',
    voteAt: 'صوّت على',
    hidden: 'النتائج مخفية حتى تكشفها أو يُغلق الاستطلاع.',
    reveal: 'اكشف النتائج',
    hide: 'أخفِ النتائج',
    previous: 'الاستطلاع السابق',
    next: 'الاستطلاع التالي',
    help: 'اختصارات لوحة المفاتيح',
    shortcuts: 'الاختصارات',
    close: 'إغلاق',
    fullScreen: 'ملء الشاشة',
    signInForControls: 'سجّل الدخول إلى اللوحة لفتح الاستطلاعات وإغلاقها من هنا.',
    score: 'النقاط',
  },
};

/** "{n} votes" in the UI language, with the language's plural rules. */
export const voteCount: Catalog<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  en: { one: '{n} vote', other: '{n} votes' },
  fr: { one: '{n} vote', other: '{n} votes' },
  es: { one: '{n} voto', other: '{n} votos' },
  ar: { zero: 'لا أصوات', one: 'صوت واحد', two: 'صوتان', few: '{n} أصوات', many: '{n} صوتًا', other: '{n} صوت' },
};

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
