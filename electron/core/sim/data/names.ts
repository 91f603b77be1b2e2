/** People, organisations and things to name, in several languages and scripts. */

export type Lang = 'en' | 'de' | 'fr' | 'es' | 'ru' | 'el' | 'zh' | 'ja' | 'ar' | 'he';
export const LANGS: readonly Lang[] = ['en', 'de', 'fr', 'es', 'ru', 'el', 'zh', 'ja', 'ar', 'he'];

/** How often each language is a user's first language (English-heavy, like a real tenant). */
export const LANG_WEIGHTS: ReadonlyArray<readonly [Lang, number]> = [
  ['en', 30],
  ['de', 10],
  ['fr', 9],
  ['es', 9],
  ['ru', 7],
  ['el', 5],
  ['zh', 8],
  ['ja', 8],
  ['ar', 7],
  ['he', 7],
];

/** [display name, ascii local-part for email] */
export const PEOPLE: Record<Lang, ReadonlyArray<readonly [string, string]>> = {
  en: [['Jane Doe', 'jane.doe'], ['Michael O\'Connor', 'michael.oconnor'], ['Priya Natarajan', 'priya.natarajan'], ['Tom Baker', 'tom.baker'], ['Aisha Johnson', 'aisha.johnson'], ['Chris Wu', 'chris.wu'], ['Olivia Smith', 'olivia.smith'], ['Daniel Kim', 'daniel.kim']],
  de: [['Jürgen Müller', 'juergen.mueller'], ['Anna Schröder', 'anna.schroeder'], ['Lukas Weiß', 'lukas.weiss'], ['Sophie Groß', 'sophie.gross'], ['Felix Bäcker', 'felix.baecker']],
  fr: [['Zoë Dubois', 'zoe.dubois'], ['François Lefèvre', 'francois.lefevre'], ['Hélène Martin', 'helene.martin'], ['Benoît Moreau', 'benoit.moreau'], ['Camille Roux', 'camille.roux']],
  es: [['María José García', 'mariajose.garcia'], ['José Núñez', 'jose.nunez'], ['Lucía Fernández', 'lucia.fernandez'], ['Íñigo Peña', 'inigo.pena'], ['Carmen Ruiz', 'carmen.ruiz']],
  ru: [['Дмитрий Иванов', 'dmitry.ivanov'], ['Екатерина Смирнова', 'ekaterina.smirnova'], ['Алексей Кузнецов', 'alexey.kuznetsov'], ['Ольга Попова', 'olga.popova']],
  el: [['Γιώργος Παπαδόπουλος', 'giorgos.papadopoulos'], ['Μαρία Κωνσταντίνου', 'maria.konstantinou'], ['Νίκος Αλεξίου', 'nikos.alexiou']],
  zh: [['王伟', 'wang.wei'], ['李娜', 'li.na'], ['张敏', 'zhang.min'], ['陈杰', 'chen.jie']],
  ja: [['佐藤 花子', 'hanako.sato'], ['鈴木 一郎', 'ichiro.suzuki'], ['高橋 美咲', 'misaki.takahashi'], ['田中 健', 'ken.tanaka']],
  ar: [['محمد الأحمد', 'mohammed.alahmad'], ['فاطمة الزهراء', 'fatima.alzahra'], ['عمر خالد', 'omar.khaled'], ['ليلى حسن', 'layla.hassan']],
  he: [['נועה כהן', 'noa.cohen'], ['יוסי לוי', 'yossi.levi'], ['מיכל אברהם', 'michal.avraham'], ['דוד מזרחי', 'david.mizrahi']],
};

export const ORG_NAMES: readonly string[] = [
  'Acme Legal',
  'Acme Research',
  'Acme Engineering',
  'Acme Sales EMEA',
  'Acme Finance',
  'Acme Support',
  'Acme Marketing',
  'Acme HR',
  'Acme Procurement',
  'Acme Security',
  'Acme Data Science',
  'Acme APAC',
];

export const PROJECT_NAMES: readonly string[] = [
  'Q3 Board Pack',
  'Vertragsprüfung 2026',
  'Projet Hélios',
  'Migración de datos',
  'Инцидент SEC-2231',
  '新产品发布',
  '社内規程の改訂',
  'مراجعة العقود',
  'ביקורת ספקים',
  'Customer Escalations',
  'M&A Diligence — Orion',
];

export const ROLE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['Legal reviewers', 'Read-only access to shared projects for counsel'],
  ['Engineering', 'Code execution and connectors'],
  ['Finance analysts', 'Spreadsheets and file uploads'],
  ['Contractors', 'Restricted: no web search, no file export'],
];

export const GROUP_NAMES: ReadonlyArray<readonly [string, string, 'direct' | 'scim']> = [
  ['Compliance Team', 'Investigators and DPO office', 'direct'],
  ['eng-all', 'Synced from Okta', 'scim'],
  ['Finance', 'Synced from Entra ID', 'scim'],
  ['Legal (EMEA)', 'Counsel in Europe', 'direct'],
];

export const MODELS_CLAUDE_AI: readonly string[] = ['claude-opus-4-7', 'claude-sonnet-4-6', 'claude-opus-4-6', 'claude-haiku-4-5'];

export const USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  'Claude/1.9.2 (Macintosh; darwin 25.0.0)',
  'Mozilla/5.0 (X11; Linux x86_64; rv:143.0) Gecko/20100101 Firefox/143.0',
];

export const EMAIL_DOMAINS: readonly string[] = ['acme-corp.com', 'acme.de', 'acme.fr', 'acme-corp.co.jp'];
