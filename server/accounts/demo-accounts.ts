import { DataSource, QueryRunner } from 'typeorm';
import { maskEmail, maskPhone } from './masking';
import type { AccountType, Language } from './customer-account.entity';
import type { SecurityChannel, SecurityEventKind } from './security-event.entity';
import type { TwoFactorKind } from './two-factor-method.entity';

/**
 * Demo customer accounts: a few well-known ones with fixed values (the README, tests and demos name them), then
 * as many generated ones as asked, realistic and deterministic (same count and seed → same accounts, 2FA methods
 * and event kinds; only timestamps follow now()). Everything is derived from the row number by hashing, in
 * set-based SQL (`INSERT ... SELECT ... FROM generate_series`), chunk by chunk, in one transaction: a million
 * accounts take a few minutes, an interrupted seed leaves nothing behind. Every email is on example.com/.net/.org
 * (RFC 2606) or a subdomain of them.
 */

export interface DemoAccount {
  customerId: string;
  accountType: AccountType;
  name: string;
  companyName: string | null;
  legalRepresentative: string | null;
  primaryEmail: string;
  backupEmail: string | null;
  phone: string | null;
  addressLine: string;
  postalCode: string;
  city: string;
  country: string;
  language: Language;
  twoFactor: { kind: TwoFactorKind; label: string; codesLeft?: number; daysAgo: number; lastUsedDaysAgo: number | null }[];
  events: {
    daysAgo: number;
    kind: SecurityEventKind;
    channel: SecurityChannel;
    to?: 'primary' | 'backup' | 'phone';
    detail?: string;
    ip?: string;
  }[];
}

/** The well-known demo accounts, inserted first with these exact values. */
export const DEMO_ACCOUNTS = {
  /** Individual with a backup email and 2FA: "I lost my password and my primary email no longer works" → swap. */
  withBackup: {
    customerId: 'dp12345-ovh',
    accountType: 'individual',
    name: 'Pierre Dupont',
    companyName: null,
    legalRepresentative: null,
    primaryEmail: 'pierre.dupont@example.com',
    backupEmail: 'p.dupont.secours@example.net',
    phone: '+33612345612',
    addressLine: '8 rue de la Roquette',
    postalCode: '75011',
    city: 'Paris',
    country: 'FR',
    language: 'fr',
    twoFactor: [
      { kind: 'totp', label: 'Google Authenticator — iPhone', daysAgo: 400, lastUsedDaysAgo: 9 },
      { kind: 'backup_codes', label: 'Codes de secours', codesLeft: 8, daysAgo: 400, lastUsedDaysAgo: 120 },
    ],
    events: [
      { daysAgo: 40, kind: 'login', channel: 'web', detail: 'Firefox 128 on Windows 11', ip: '90.12.***.***' },
      { daysAgo: 9, kind: 'login', channel: 'web', detail: 'Safari on iPhone', ip: '92.184.***.***' },
      { daysAgo: 3, kind: 'login_failed', channel: 'web', detail: 'wrong password', ip: '90.12.***.***' },
      { daysAgo: 3, kind: 'password_reset_sent', channel: 'email', to: 'primary', detail: 'requested from the login page' },
      { daysAgo: 1, kind: 'password_reset_sent', channel: 'email', to: 'primary', detail: 'requested from the login page' },
    ],
  },
  /** Individual without a backup email nor 2FA: the phone desk cannot swap; documents are the way. */
  withoutBackup: {
    customerId: 'le24680-ovh',
    accountType: 'individual',
    name: 'Élodie Lefèvre',
    companyName: null,
    legalRepresentative: null,
    primaryEmail: 'elodie.lefevre@example.org',
    backupEmail: null,
    phone: '+33798765432',
    addressLine: '3 allée des Tilleuls',
    postalCode: '44000',
    city: 'Nantes',
    country: 'FR',
    language: 'fr',
    twoFactor: [],
    events: [
      { daysAgo: 60, kind: 'login', channel: 'web', detail: 'Chrome on macOS', ip: '78.198.***.***' },
      { daysAgo: 6, kind: 'login_code_sent', channel: 'email', to: 'primary', detail: 'security verification code (new device)' },
      { daysAgo: 5, kind: 'login_failed', channel: 'web', detail: 'wrong password', ip: '78.198.***.***' },
      { daysAgo: 5, kind: 'password_reset_sent', channel: 'email', to: 'primary', detail: 'requested from the login page' },
      { daysAgo: 2, kind: 'password_reset_sent', channel: 'email', to: 'primary', detail: 'requested from the login page' },
    ],
  },
  /** Company with a legal representative (documents: her ID + a Kbis extract). */
  company: {
    customerId: 'bm13579-ovh',
    accountType: 'company',
    name: 'Jérôme Lefebvre',
    companyName: 'Boulangerie Müller & Fils SARL',
    legalRepresentative: 'Françoise Müller',
    primaryEmail: 'contact@boulangerie-muller.example.com',
    backupEmail: 'francoise.muller@example.net',
    phone: '+33388123456',
    addressLine: '27 avenue Jean Jaurès',
    postalCode: '67000',
    city: 'Strasbourg',
    country: 'FR',
    language: 'fr',
    twoFactor: [
      { kind: 'security_key', label: 'YubiKey 5 NFC', daysAgo: 700, lastUsedDaysAgo: 4 },
      { kind: 'sms', label: 'SMS +33 3 ** ** ** 56', daysAgo: 700, lastUsedDaysAgo: null },
    ],
    events: [
      { daysAgo: 90, kind: '2fa_method_added', channel: 'web', detail: 'security_key: YubiKey 5 NFC', ip: '109.190.***.***' },
      { daysAgo: 30, kind: 'login', channel: 'web', detail: 'Edge on Windows 11', ip: '109.190.***.***' },
      { daysAgo: 4, kind: 'login', channel: 'api', detail: 'API application "facturation"', ip: '51.38.***.***' },
    ],
  },
  /** English-speaking individual with SMS and TOTP: "my phone was stolen" (UK number in Ofcom's drama range). */
  english: {
    customerId: 'ce97531-ovh',
    accountType: 'individual',
    name: 'Emily Clarke',
    companyName: null,
    legalRepresentative: null,
    primaryEmail: 'emily.clarke@example.com',
    backupEmail: 'emily.c.backup@example.org',
    phone: '+447700900123',
    addressLine: '221 Baker Street',
    postalCode: 'NW1 6XE',
    city: 'London',
    country: 'GB',
    language: 'en',
    twoFactor: [
      { kind: 'sms', label: 'SMS +44 7*** ****23', daysAgo: 300, lastUsedDaysAgo: 15 },
      { kind: 'totp', label: 'Microsoft Authenticator — Pixel 8', daysAgo: 250, lastUsedDaysAgo: 15 },
    ],
    events: [
      { daysAgo: 15, kind: 'login', channel: 'web', detail: 'Chrome on Android', ip: '86.150.***.***' },
      { daysAgo: 2, kind: 'verification_code_sent', channel: 'sms', to: 'phone', detail: '2FA code by SMS' },
      { daysAgo: 2, kind: 'login_failed', channel: 'web', detail: 'wrong 2FA code', ip: '86.150.***.***' },
    ],
  },
} satisfies Record<string, DemoAccount>;

const DEMO_LIST: DemoAccount[] = Object.values(DEMO_ACCOUNTS);

/** Digits of the demo customer IDs (5 of them): generated IDs never use them, so none collides with a demo one. */
const DEMO_DIGITS = DEMO_LIST.map((d) => Number(/^[a-z]{2}(\d{5})-ovh$/.exec(d.customerId)![1]));

// ---------------------------------------------------------------------------------------------------------------
// Word lists. Sections are concatenated into one array per kind, each section found by its offset and length.

const FIRST_FR_F = [
  'Élodie',
  'Françoise',
  'Hélène',
  'Cécile',
  'Chloé',
  'Léa',
  'Inès',
  'Zoé',
  'Maëlle',
  'Gaëlle',
  'Anaïs',
  'Clémence',
  'Mélanie',
  'Valérie',
  'Thérèse',
  'Geneviève',
  'Agnès',
  'Béatrice',
  'Sophie',
  'Camille',
  'Manon',
  'Julie',
  'Marie',
  'Nathalie',
  'Isabelle',
  'Sandrine',
  'Céline',
  'Émilie',
  'Aurélie',
  'Margaux',
  'Laëtitia',
  'Noémie',
  'Océane',
  'Séverine',
  'Amélie',
  'Delphine',
  'Christine',
  'Claire',
  'Lucie',
  'Jeanne',
  'Louise',
  'Alice',
  'Juliette',
  'Pauline',
  'Mathilde',
  'Charlotte',
  'Élise',
  'Nadège',
  'Fatima',
  'Yasmine',
  'Aïcha',
  'Rosalie',
  'Odile',
  'Brigitte',
  'Martine',
  'Sylvie',
  'Véronique',
  'Estelle',
  'Héloïse',
  'Marie-Claire',
  'Anne-Sophie',
  'Solène',
  'Bérénice',
  'Capucine',
];
const FIRST_FR_M = [
  'Pierre',
  'Jérôme',
  'Benoît',
  'Loïc',
  'Noël',
  'Stéphane',
  'Frédéric',
  'Sébastien',
  'Jérémy',
  'Gaël',
  'Raphaël',
  'Joël',
  'François',
  'André',
  'Étienne',
  'Hervé',
  'Thierry',
  'Nicolas',
  'Julien',
  'Thomas',
  'Antoine',
  'Mathieu',
  'Guillaume',
  'Olivier',
  'Philippe',
  'Laurent',
  'Éric',
  'Christophe',
  'Cédric',
  'Grégory',
  'Rémi',
  'Jean-Luc',
  'Jean-Pierre',
  'Jean-François',
  'Marc',
  'Hugo',
  'Lucas',
  'Léo',
  'Théo',
  'Maël',
  'Noé',
  'Mohamed',
  'Karim',
  'Mehdi',
  'Yannick',
  'Killian',
  'Bastien',
  'Aurélien',
  'Valentin',
  'Timothée',
  'Anthony',
  'Dominique',
  'Gérard',
  'Michel',
  'Alain',
  'Patrick',
  'Bernard',
  'René',
  'Jérémie',
  'Clément',
  'Adrien',
  'Matthieu',
  'Régis',
  'Gaëtan',
];
const FIRST_EN = [
  'Oliver',
  'Emma',
  'James',
  'Charlotte',
  'Sophie',
  'Jack',
  'Harry',
  'George',
  'Amelia',
  'Olivia',
  'Isla',
  'William',
  'Emily',
  'Thomas',
  'Grace',
  'Daniel',
  'Jessica',
  'Matthew',
  'Hannah',
  'Ryan',
  'Chloe',
  'Sarah',
  'Michael',
  'Laura',
  'David',
  'Rachel',
  'Siobhán',
  'Niamh',
  'Seán',
  'Zoë',
  'Eleanor',
  'Alfie',
  'Freya',
  'Rhys',
  'Aoife',
  'Callum',
];
const FIRST_OTHER = [
  'Jürgen',
  'Jörg',
  'Björn',
  'Günther',
  'Lena',
  'Jonas',
  'Søren',
  'José',
  'María',
  'João',
  'Ana',
  'Giulia',
  'Marco',
  'Łukasz',
  'Agnieszka',
  'Matteo',
  'Inês',
  'Tomás',
  'Sofía',
  'Zoltán',
  'Dóra',
  'Ömer',
  'Elif',
  'Nguyễn',
  'Mei',
];
const LAST_FR = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Lefebvre',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Müller',
  'Henry',
  'Roussel',
  'Nicolas',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Gautier',
  'Roger',
  'Roche',
  'Roy',
  'Noël',
  'Meyer',
  'Lucas',
  'Meunier',
  'Pérez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Renard',
  'Arnaud',
  'Rolland',
  'Caron',
  'Aubert',
  'Giraud',
  'Leclerc',
  'Vidal',
  'Bourgeois',
  'Renaud',
  'Lemoine',
  'Picard',
  'Gaillard',
  'Lacroix',
  'Fabre',
  'Dupuis',
  'Olivier',
  'Da Silva',
  'Hubert',
  'Rivière',
  'Le Gall',
  'Moulin',
  'Berger',
  'Lecomte',
  'Ménard',
  'Fleury',
  'Deschamps',
  'Carpentier',
  'Maillard',
  'Aubry',
  'Vasseur',
  'Le Roux',
  'Renault',
  'Jacquet',
  'Prévost',
  'Poirier',
  'Charpentier',
  'Royer',
  'Huet',
  'Baron',
  'Dupuy',
  'Carré',
  'Breton',
  'Rémy',
  'Schneider',
  'Perrot',
  'Guyot',
  'Barré',
  'Marty',
  'Bénard',
  'Hébert',
  'Côté',
  'Lévêque',
  'Bélanger',
  'Lemaître',
  'Desjardins',
  'Kerbrat',
  'Le Goff',
  'Le Bihan',
  'Diallo',
  "N'Diaye",
  'Traoré',
  'Benali',
  'Haddad',
  'Dos Santos',
  'Ferreira',
  'Besançon',
  'Châtelain',
  'Delacroix',
  'Pétillon',
  'Béranger',
  'Crémieux',
];
const LAST_EN = [
  'Smith',
  'Jones',
  'Williams',
  'Brown',
  'Taylor',
  'Davies',
  'Wilson',
  'Evans',
  'Johnson',
  'Roberts',
  'Walker',
  'Wright',
  'Thompson',
  'White',
  'Hughes',
  'Edwards',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
  "O'Connor",
  'Murphy',
  'McDonald',
  'Campbell',
  'Stewart',
  'Patel',
  'Khan',
  'Ó Súilleabháin',
];
const LAST_OTHER = [
  'Müller',
  'Schäfer',
  'Jäger',
  'Krüger',
  'Weber',
  'Fischer',
  'Becker',
  'Hoffmann',
  'Wagner',
  'Kowalski',
  'Nowak',
  'Wiśniewski',
  'Rossi',
  'Russo',
  'Esposito',
  'García',
  'Martínez',
  'Núñez',
  'Peña',
  'Ibáñez',
  'Gonçalves',
  'Dvořák',
  'Novák',
  'Nagy',
  'Yılmaz',
  'Øvergaard',
  'Åkesson',
  'Nguyễn',
];

/**
 * The long tail of surnames: most people do not bear one of the common names, so most French-sounding surnames are
 * composed from two syllables (40 × 40: Boussac, Chardin, Vilmont…), each as rare as real uncommon names are.
 */
const SURNAME_HEADS = [
  'Bou',
  'Ber',
  'Cha',
  'Du',
  'Fon',
  'Gar',
  'La',
  'Le',
  'Mar',
  'Mon',
  'Pel',
  'Ri',
  'Ro',
  'Sau',
  'Ta',
  'Ver',
  'Vil',
  'Bel',
  'Cour',
  'Dé',
  'Gré',
  'Lé',
  'Mé',
  'Cor',
  'Bar',
  'Bon',
  'Char',
  'Cro',
  'Fau',
  'Gau',
  'Jou',
  'Lam',
  'Mal',
  'Pa',
  'Pé',
  'Ré',
  'Sé',
  'Tes',
  'Vau',
  'Bré',
];
const SURNAME_TAILS = [
  'chard',
  'thelot',
  'nier',
  'pont',
  'taine',
  'rand',
  'ceau',
  'quet',
  'lier',
  'vert',
  'mont',
  'val',
  'let',
  'nac',
  'zac',
  'rieux',
  'ville',
  'court',
  'det',
  'geot',
  'lin',
  'not',
  'rel',
  'ron',
  'teau',
  'vin',
  'bert',
  'chet',
  'gnon',
  'lard',
  'mier',
  'rin',
  'ssac',
  'tel',
  'din',
  'guet',
  'mat',
  'sson',
  'zin',
  'jean',
];

interface City {
  name: string;
  postal: string;
  country: string;
  weight: number;
}
function cityList(country: string, rows: [string, string | string[], number?][]): City[] {
  return rows.flatMap(([name, postal, weight = 1]) =>
    Array.isArray(postal) ? postal.map((p) => ({ name, postal: p, country, weight })) : [{ name, postal, country, weight }],
  );
}
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => prefix + String(from + i).padStart(2, '0'));

/** Weighted: an entry of weight w appears w times in the flat list. About 80% of accounts live in France. */
const CITIES: City[] = [
  ...cityList('FR', [
    ['Paris', range('750', 1, 20), 4],
    ['Marseille', range('130', 1, 16), 2],
    ['Lyon', range('6900', 1, 9), 3],
    ['Toulouse', '31000', 12],
    ['Nice', '06000', 9],
    ['Nantes', '44000', 9],
    ['Montpellier', '34000', 8],
    ['Strasbourg', '67000', 8],
    ['Bordeaux', '33000', 8],
    ['Lille', '59000', 8],
    ['Rennes', '35000', 7],
    ['Reims', '51100', 4],
    ['Toulon', '83000', 4],
    ['Saint-Étienne', '42000', 4],
    ['Le Havre', '76600', 4],
    ['Grenoble', '38000', 5],
    ['Dijon', '21000', 4],
    ['Angers', '49000', 4],
    ['Nîmes', '30000', 4],
    ['Villeurbanne', '69100', 3],
    ['Clermont-Ferrand', '63000', 4],
    ['Le Mans', '72000', 3],
    ['Aix-en-Provence', '13100', 4],
    ['Brest', '29200', 3],
    ['Tours', '37000', 3],
    ['Amiens', '80000', 3],
    ['Limoges', '87000', 3],
    ['Annecy', '74000', 3],
    ['Perpignan', '66000', 3],
    ['Metz', '57000', 3],
    ['Besançon', '25000', 3],
    ['Orléans', '45000', 3],
    ['Rouen', '76000', 3],
    ['Mulhouse', '68100', 2],
    ['Caen', '14000', 3],
    ['Nancy', '54000', 3],
    ['Roubaix', '59100', 2],
    ['Avignon', '84000', 2],
    ['Poitiers', '86000', 2],
    ['La Rochelle', '17000', 2],
    ['Pau', '64000', 2],
    ['Bayonne', '64100', 2],
    ['Quimper', '29000', 2],
    ['Ajaccio', '20000', 1],
    ['Saint-Malo', '35400', 1],
    ['Chambéry', '73000', 2],
    ['Évry-Courcouronnes', '91000', 2],
    ['Créteil', '94000', 2],
    ['Boulogne-Billancourt', '92100', 3],
    ['Montreuil', '93100', 2],
    ['Saint-Denis', '97400', 2],
    ['Fort-de-France', '97200', 1],
    ['Colmar', '68000', 1],
    ['Vannes', '56000', 1],
    ['Lorient', '56100', 1],
    ['Béziers', '34500', 1],
    ['Valence', '26000', 1],
    ['Troyes', '10000', 1],
    ['Arles', '13200', 1],
    ['Lannion', '22300', 1],
    ['Gérardmer', '88400', 1],
    ['Saint-Jean-de-Luz', '64500', 1],
    ["Les Sables-d'Olonne", '85100', 1],
    ['Étretat', '76790', 1],
    ['Uzès', '30700', 1],
    ['Sarlat-la-Canéda', '24200', 1],
    ['Cassis', '13260', 1],
    ['Honfleur', '14600', 1],
    ['Èze', '06360', 1],
    ['Saint-Pierre-de-Chartreuse', '38380', 1],
    ['Conques-en-Rouergue', '12320', 1],
    ['Châteauroux', '36000', 1],
  ]),
  ...cityList('BE', [
    ['Bruxelles', '1000', 8],
    ['Ixelles', '1050', 3],
    ['Schaerbeek', '1030', 2],
    ['Liège', '4000', 4],
    ['Namur', '5000', 3],
    ['Charleroi', '6000', 3],
    ['Mons', '7000', 2],
    ['Louvain-la-Neuve', '1348', 2],
    ['Gent', '9000', 2],
    ['Antwerpen', '2000', 2],
  ]),
  ...cityList('GB', [
    ['London', ['SE1 7PB', 'EC1A 1BB', 'W1D 3QU', 'N1 9GU'], 4],
    ['Manchester', 'M1 1AE', 3],
    ['Bristol', 'BS1 4DJ', 2],
    ['Edinburgh', 'EH1 1YZ', 2],
    ['Leeds', 'LS1 4DY', 2],
    ['Brighton', 'BN1 1AE', 2],
  ]),
  ...cityList('CH', [
    ['Genève', '1201', 6],
    ['Lausanne', '1003', 4],
    ['Neuchâtel', '2000', 2],
    ['Fribourg', '1700', 2],
  ]),
  ...cityList('LU', [
    ['Luxembourg', '1009', 6],
    ['Esch-sur-Alzette', '4002', 3],
  ]),
  ...cityList('DE', [
    ['Berlin', '10115', 3],
    ['München', '80331', 2],
    ['Köln', '50667', 2],
  ]),
  ...cityList('CA', [
    ['Montréal', 'H2X 1Y4', 6],
    ['Québec', 'G1R 4P5', 3],
    ['Gatineau', 'J8X 3X7', 1],
  ]),
].flatMap((c) => Array<City>(c.weight).fill(c));

/** "de Paris", "d'Orléans", "du Havre", "des Sables-d'Olonne": for "Mairie de …". */
function deForm(city: string): string {
  if (city.startsWith('Le ')) return `du ${city.slice(3)}`;
  if (city.startsWith('Les ')) return `des ${city.slice(4)}`;
  if (/^[AEIOUYÉÈÊÎÔH]/i.test(city)) return `d'${city}`;
  return `de ${city}`;
}

/** Locale of formats (addresses, organisation names): by country. */
const LOCALE_SQL = `CASE country WHEN 'BE' THEN 'be' WHEN 'GB' THEN 'en' WHEN 'DE' THEN 'de' WHEN 'CH' THEN 'ch' ELSE 'fr' END`;

/** Street formats, `%s` the house number. */
const STREETS: Record<string, string[]> = {
  fr: [
    '%s rue de la République',
    '%s avenue Jean Jaurès',
    '%s boulevard Voltaire',
    '%s place du Marché',
    '%s rue Victor Hugo',
    '%s allée des Tilleuls',
    '%s chemin des Écoliers',
    '%s impasse des Lilas',
    "%s rue de l'Église",
    '%s rue Pasteur',
    '%s avenue du Général de Gaulle',
    '%s rue Émile Zola',
    '%s quai de la Loire',
    '%s rue des Écoles',
    '%s rue Nationale',
    '%s route de Lyon',
    '%s rue du Château',
    '%s rue Gambetta',
    '%s rue Jean Moulin',
    '%s rue de la Paix',
    '%s rue des Tanneurs',
    '%s cours Mirabeau',
    '%s rue Sainte-Catherine',
    '%s avenue Foch',
    '%s rue du Faubourg Saint-Honoré',
    '%s rue de Bretagne',
    '%s place Bellecour',
    '%s rue des Trois-Épis',
    '%s résidence Les Érables',
    '%s rue Pierre et Marie Curie',
  ],
  be: [
    'Rue Neuve %s',
    'Chaussée de Louvain %s',
    'Avenue Louise %s',
    'Rue de la Loi %s',
    'Boulevard Anspach %s',
    'Rue des Bouchers %s',
    'Place Saint-Lambert %s',
    'Veldstraat %s',
  ],
  en: [
    '%s High Street',
    '%s Station Road',
    '%s Church Lane',
    '%s Victoria Road',
    '%s Green Lane',
    '%s Manor Road',
    '%s Queen’s Road',
    '%s Park Avenue',
  ],
  de: ['Hauptstraße %s', 'Bahnhofstraße %s', 'Schillerstraße %s', 'Gartenweg %s', 'Lindenallee %s', 'Königsallee %s'],
  ch: ['Rue du Rhône %s', 'Avenue de la Gare %s', 'Rue de Lausanne %s', 'Chemin des Pâquerettes %s', 'Grand-Rue %s'],
};

/**
 * Organisation names, formats with %1$s last name, %2$s "de <city>", %3$s first name, %4$s brand, %5$s city;
 * the company form (SARL, Ltd…) is appended separately. A missing locale falls back to fr.
 */
const ORG_NAMES: Record<string, string[]> = {
  'company:fr': [
    'Boulangerie %1$s',
    'Garage %1$s',
    'Pharmacie %1$s',
    'Transports %1$s',
    'Menuiserie %1$s',
    '%1$s Conseil',
    'Plomberie %1$s',
    '%1$s & Fils',
    '%1$s Immobilier',
    '%1$s Informatique',
    'Fromagerie %1$s',
    'Imprimerie %1$s',
    '%4$s',
    '%4$s',
    '%4$s',
    '%4$s',
    'Hôtel %4$s',
    '%4$s %5$s',
    'Cabinet %1$s et Associés',
    'Vignobles %1$s',
  ],
  'company:en': [
    '%1$s & Sons',
    '%1$s Consulting',
    '%5$s Web Services',
    '%1$s Builders',
    'Blue Harbour Digital',
    'Riverside Hosting',
    '%1$s Bakery',
  ],
  'company:de': ['%1$s Bäckerei', '%1$s Elektrotechnik', 'Schreinerei %1$s', 'Nordlicht Software', 'Brückner & %1$s'],
  'association:fr': [
    'Association sportive %2$s',
    'Club de tennis %2$s',
    'Comité des fêtes %2$s',
    'Amicale des sapeurs-pompiers %2$s',
    'Harmonie municipale %2$s',
    'Les Amis du patrimoine %2$s',
    'Chorale À Cœur Joie %2$s',
    "Association des parents d'élèves %2$s",
    'Ciné-club %2$s',
    'Jardins partagés %2$s',
    'Banque alimentaire %2$s',
    'Club informatique %2$s',
  ],
  'association:be': ['Cercle sportif %2$s ASBL', 'Les Amis du carnaval %2$s ASBL', 'Maison des jeunes %2$s ASBL'],
  'association:en': ['%5$s Rugby Club', '%5$s Community Choir', 'Friends of %5$s Library', '%5$s Allotment Society'],
  'association:de': ['Sportverein %5$s e.V.', 'Musikverein %5$s e.V.'],
  'public_administration:fr': [
    'Mairie %2$s',
    'Mairie %2$s',
    'Mairie %2$s',
    'Mairie %2$s',
    "Centre communal d'action sociale %2$s",
    'Office de tourisme %2$s',
    'Médiathèque municipale %2$s',
    'Syndicat intercommunal des eaux %2$s',
  ],
  'public_administration:be': ['Administration communale %2$s', 'CPAS %2$s'],
  'public_administration:en': ['%5$s City Council', '%5$s Borough Council'],
  'public_administration:de': ['Stadtverwaltung %5$s'],
  'public_administration:ch': ['Commune %2$s', 'Ville %2$s'],
  'sole_trader:fr': [
    'Cabinet %1$s',
    '%3$s %1$s, architecte',
    'Cabinet infirmier %1$s',
    '%3$s %1$s Photographie',
    'Maître %3$s %1$s, avocate',
    '%1$s Traduction',
    'Dr %3$s %1$s, kinésithérapeute',
    '%3$s %1$s, expert-comptable',
    '',
    '',
  ],
  'sole_trader:en': ['%3$s %1$s Consulting', '%3$s %1$s Photography', '%1$s Translations', ''],
  'sole_trader:de': ['Praxis %1$s', '%3$s %1$s Übersetzungen', ''],
};
const COMPANY_FORMS: Record<string, string[]> = {
  fr: ['SARL', 'SARL', 'SAS', 'SAS', 'SASU', 'EURL', 'SA', 'SCI'],
  be: ['SRL', 'SRL', 'SA', 'SC'],
  en: ['Ltd', 'Ltd', 'Ltd', 'LLP', 'plc'],
  de: ['GmbH', 'GmbH', 'AG', 'KG'],
  ch: ['Sàrl', 'SA', 'GmbH'],
};
const BRANDS = [
  'Data Océan',
  'Pixel Lumière',
  'Octet & Cie',
  'Nuage Numérique',
  'Atelier du Code',
  'Forêt Digitale',
  'Réseau Azur',
  'Éclair Hébergement',
  'Studio Émeraude',
  'Web Horizon',
  'Clé de Voûte',
  'Les Délices du Terroir',
  'Château Beauséjour',
  'Domaine des Tilleuls',
  'Librairie Gutenberg',
  'Café des Sports',
  'Garage de la Gare',
  'Le Petit Bistrot',
  'Ô Saveurs',
  'Crème & Chocolat',
  'Serveur Express',
  'Écolo Logis',
  'Mécanique Générale',
  'Les Jardins de Provence',
  'Aux Fines Herbes',
];
/** Local parts of organisation mailboxes. */
const ORG_ROLES: Record<string, string[]> = {
  fr: ['contact', 'contact', 'contact', 'admin', 'direction', 'compta', 'informatique', 'secretariat'],
  en: ['info', 'info', 'admin', 'accounts', 'it', 'office'],
};
const PERSONAL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'webmail.example.net', 'post.example.org'];

const LOGIN_DETAILS = [
  'Firefox 128 on Windows 11',
  'Chrome on Windows 10',
  'Chrome on macOS',
  'Safari on macOS',
  'Safari on iPhone',
  'Chrome on Android',
  'Edge on Windows 11',
  'Firefox on Ubuntu',
  'Samsung Internet on Android',
  'Safari on iPad',
];
const API_DETAILS = [
  'API application "scripts"',
  'API application "terraform"',
  'API application "facturation"',
  'API application "backup-cron"',
];
const IP_PREFIXES = [
  '90.12.',
  '92.184.',
  '78.198.',
  '82.64.',
  '86.246.',
  '109.190.',
  '176.145.',
  '88.172.',
  '2.7.',
  '37.169.',
  '83.202.',
  '2a01:cb00:',
  '2a01:e0a:',
  '2001:861:',
];
const TOTP_APPS = ['Google Authenticator', 'Microsoft Authenticator', 'FreeOTP', 'Authy', '1Password', 'Aegis', 'Proton Pass'];
const DEVICES = ['iPhone', 'iPhone 13', 'Pixel 8', 'Galaxy S23', 'iPad', 'Fairphone 5', 'Xiaomi 13', 'OnePlus 11'];
const SECURITY_KEYS = ['YubiKey 5 NFC', 'YubiKey 5C', 'Titan Security Key', 'SoloKey', 'Nitrokey 3', 'Feitian ePass'];
/** 2FA method sets, weighted; `sms` becomes `totp` where the account has no phone. */
const TWO_FA_COMBOS = [
  'totp',
  'totp',
  'totp',
  'totp',
  'sms',
  'sms',
  'security_key',
  'totp',
  'totp,backup_codes',
  'totp,backup_codes',
  'totp,backup_codes',
  'sms,backup_codes',
  'security_key,totp',
  'totp,sms',
  'sms,totp',
  'totp,backup_codes,security_key',
  'totp,sms,backup_codes',
  'security_key,totp,backup_codes',
];

// ---------------------------------------------------------------------------------------------------------------

/** Lower case ASCII for email local parts: accents folded, spaces and apostrophes dropped, hyphens kept. */
function emailSlug(s: string): string {
  return s
    .replace(/ß/g, 'ss')
    .replace(/[Łł]/g, 'l')
    .replace(/[Øø]/g, 'o')
    .replace(/[Ææ]/g, 'ae')
    .replace(/[Œœ]/g, 'oe')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z-]/g, '');
}

interface Sectioned {
  values: string[];
  sections: Map<string, { offset: number; length: number }>;
}
function sectioned(parts: Record<string, string[]>): Sectioned {
  const values: string[] = [];
  const sections = new Map<string, { offset: number; length: number }>();
  for (const [key, list] of Object.entries(parts)) {
    sections.set(key, { offset: values.length, length: list.length });
    values.push(...list);
  }
  return { values, sections };
}

/**
 * SQL picking an element of a sectioned array parameter: `arr[1 + offset + h % length]`, the section chosen by a
 * CASE on `keySql`; keys without a section of their own use their fallback's.
 */
function pick(
  param: string,
  s: Sectioned,
  keySql: string,
  h: string,
  keys: string[],
  fallback: (key: string) => string | null = () => null,
): string {
  const whens = keys.flatMap((key) => {
    const sec = s.sections.get(key) ?? s.sections.get(fallback(key) ?? '');
    return sec ? [`WHEN '${key}' THEN ${param}[${1 + sec.offset} + ${h} % ${sec.length}]`] : [];
  });
  return `(CASE ${keySql} ${whens.join(' ')} END)`;
}
const LOCALES = ['fr', 'be', 'en', 'de', 'ch'];
const ORG_KEYS = ['company', 'association', 'public_administration', 'sole_trader'].flatMap((t) => LOCALES.map((l) => `${t}:${l}`));

const FIRST = sectioned({ fr_f: FIRST_FR_F, fr_m: FIRST_FR_M, en: FIRST_EN, other: FIRST_OTHER });
const LAST = sectioned({ fr: LAST_FR, en: LAST_EN, other: LAST_OTHER });
const STREET = sectioned(STREETS);
const ORG = sectioned(ORG_NAMES);
const FORMS = sectioned(COMPANY_FORMS);
const ROLES = sectioned(ORG_ROLES);

const sec = (s: Sectioned, key: string) => s.sections.get(key)!;

/** Parameters of the chunk statement, after $1 lo, $2 hi, $3 seed. */
const LIST_PARAMS: [string, string[]][] = [
  ['first', FIRST.values],
  ['first_slug', FIRST.values.map(emailSlug)],
  ['last', LAST.values],
  ['last_slug', LAST.values.map(emailSlug)],
  ['sur_head', SURNAME_HEADS],
  ['sur_head_slug', SURNAME_HEADS.map(emailSlug)],
  ['sur_tail', SURNAME_TAILS],
  ['city', CITIES.map((c) => c.name)],
  ['postal', CITIES.map((c) => c.postal)],
  ['country', CITIES.map((c) => c.country)],
  ['city_de', CITIES.map((c) => deForm(c.name))],
  ['street', STREET.values],
  ['org', ORG.values],
  ['form', FORMS.values],
  ['brand', BRANDS],
  ['role', ROLES.values],
  ['pdomain', PERSONAL_DOMAINS],
  ['login_detail', LOGIN_DETAILS],
  ['api_detail', API_DETAILS],
  ['ip', IP_PREFIXES],
  ['totp_app', TOTP_APPS],
  ['device', DEVICES],
  ['skey', SECURITY_KEYS],
  ['combo', TWO_FA_COMBOS],
];
const P = Object.fromEntries(LIST_PARAMS.map(([name], i) => [name, `($${i + 4}::text[])`])) as Record<string, string>;
const len = (name: string) => LIST_PARAMS.find(([n]) => n === name)![1].length;

/** 16-bit unsigned value number i (0..31) of the row's sha512. */
const H = (i: number) => `(get_byte(b, ${2 * i}) * 256 + get_byte(b, ${2 * i + 1}))`;
/** 16-bit unsigned value at byte i of a bytea column: `% 100` on it is unbiased enough (a byte's is not). */
const U16 = (col: string, i: number) => `(get_byte(${col}, ${i}) * 256 + get_byte(${col}, ${i + 1}))`;
/** 32-bit value from two 16-bit ones. */
const H32 = (i: number) => `(${H(i)}::bigint * 65536 + ${H(i + 1)})`;

const DAY = 86_400;

/** SQL masks, the same format as masking.ts (checked by the tests against maskEmail / maskPhone). */
const maskEmailSql = (e: string) =>
  `(left(${e}, 1) || '***@' || left(split_part(${e}, '@', 2), 1) || '***' || substring(${e} from '\\.[a-z]+$'))`;
const maskPhoneSql = (p: string) => `(CASE
  WHEN ${p} LIKE '+33%' THEN '+33 ' || substr(${p}, 4, 1) || ' ** ** ** ' || right(${p}, 2)
  WHEN ${p} LIKE '+32%' THEN '+32 ' || substr(${p}, 4, 1) || '** ** ** ' || right(${p}, 2)
  WHEN ${p} LIKE '+44%' THEN '+44 ' || substr(${p}, 4, 1) || '*** ****' || right(${p}, 2)
END)`;

/**
 * One chunk: generated rows $1..$2 → customer_accounts, then their 2FA methods and security events, in one
 * statement (data-modifying CTEs). `OFFSET 0` keeps each layer from being flattened into the next, so the hash
 * of a row is computed once, not once per use.
 */
function chunkSql(): string {
  const fr_f = sec(FIRST, 'fr_f'),
    fr_m = sec(FIRST, 'fr_m'),
    fen = sec(FIRST, 'en'),
    fot = sec(FIRST, 'other');
  const lfr = sec(LAST, 'fr'),
    len_ = sec(LAST, 'en'),
    lot = sec(LAST, 'other');
  const at = (s: { offset: number; length: number }, h: string) => `${1 + s.offset} + ${h} % ${s.length}`;
  // Common surnames, the first ones (most frequent in France) drawn more often: index ~ length × u^1.2.
  const skewed = (s: { offset: number; length: number }, h: string) =>
    `${1 + s.offset} + floor(${s.length} * power(${h} / 65536.0, 1.2))::int`;
  // Index of a first name: by locale and language.
  const firstIdx = (hp: string, hi: string) => `(CASE
      WHEN loc = 'en' THEN CASE WHEN ${hp} % 10 < 9 THEN ${at(fen, hi)} ELSE ${at(fr_f, hi)} END
      WHEN loc = 'de' THEN CASE WHEN ${hp} % 10 < 7 THEN ${at(fot, hi)} ELSE ${at(fr_m, hi)} END
      WHEN language = 'en' AND ${hp} % 100 < 35 THEN ${at(fen, hi)}
      WHEN ${hp} % 100 < 7 THEN ${at(fot, hi)}
      WHEN ${hp} % 2 = 0 THEN ${at(fr_f, hi)}
      ELSE ${at(fr_m, hi)} END)`;
  const lastIdx = (hp: string, hi: string) => `(CASE
      WHEN loc = 'en' THEN CASE WHEN ${hp} % 10 < 8 THEN ${at(len_, hi)} ELSE ${at(lfr, hi)} END
      WHEN loc = 'de' THEN CASE WHEN ${hp} % 10 < 7 THEN ${at(lot, hi)} ELSE ${at(lfr, hi)} END
      WHEN ${hp} % 100 < 4 THEN ${at(lot, hi)}
      WHEN ${hp} % 100 < 50 THEN ${skewed(lfr, hi)}
      ELSE 0 END)`;
  // Index 0: a composed surname instead (locale fr, 50%), its head and tail drawn from h (16 bits).
  const lastName = (idx: string, h: string, slug: boolean) =>
    `CASE WHEN ${idx} = 0 THEN ${slug ? P.sur_head_slug : P.sur_head}[1 + ${h} % ${SURNAME_HEADS.length}] || ${P.sur_tail}[1 + (${h} / ${SURNAME_HEADS.length}) % ${SURNAME_TAILS.length}]
          ELSE ${slug ? P.last_slug : P.last}[${idx}] END`;
  const demoDigits = DEMO_DIGITS.join(', ');

  return `
WITH src AS (
  SELECT n, sha512(convert_to($3::text || ':' || n, 'UTF8')) AS b, decode(md5($3::text || '/' || n), 'hex') AS b2
  FROM generate_series($1::bigint, $2::bigint) AS g(n)
  OFFSET 0
), h AS (
  SELECT n, ${Array.from({ length: 30 }, (_, i) => `${H(i)} AS h${i}`).join(', ')},
    ${H32(30)} AS h32a,
    (get_byte(b2, 0)::bigint << 24) + (get_byte(b2, 1) << 16) + (get_byte(b2, 2) << 8) + get_byte(b2, 3) AS h32b,
    1 + ${H(0)} % ${len('city')} AS ci
  FROM src
  OFFSET 0
), base AS (
  SELECT h.*,
    CASE WHEN h1 % 100 < 70 THEN 'individual' WHEN h1 % 100 < 85 THEN 'company' WHEN h1 % 100 < 90 THEN 'association'
         WHEN h1 % 100 < 94 THEN 'public_administration' ELSE 'sole_trader' END AS account_type,
    ${P.country}[ci] AS country, ${P.city}[ci] AS city, ${P.postal}[ci] AS postal_code, ${P.city_de}[ci] AS city_de
  FROM h
  OFFSET 0
), loc AS (
  SELECT base.*, ${LOCALE_SQL} AS loc,
    CASE WHEN country = 'GB' OR (country = 'CA' AND h2 % 2 = 0) OR (country = 'DE' AND h2 % 2 = 0) OR h2 % 100 < 20 THEN 'en' ELSE 'fr' END AS language
  FROM base
  OFFSET 0
), people AS (
  SELECT loc.*,
    ${firstIdx('h3', 'h4')} AS f1, ${lastIdx('h5', 'h6')} AS l1,
    ${firstIdx('h7', 'h8')} AS f2, ${lastIdx('h9', 'h10')} AS l2
  FROM loc
  OFFSET 0
), named AS (
  SELECT people.*,
    ${P.first}[f1] || ' ' || ${lastName('l1', 'h6', false)} AS person1,
    ${P.first}[f2] || ' ' || ${lastName('l2', 'h10', false)} AS person2,
    ${P.first_slug}[f1] AS fs, ${lastName('l1', 'h6', true)} AS ls,
    nullif(format(${pick(P.org, ORG, `account_type || ':' || loc`, 'h11', ORG_KEYS, (k) => `${k.split(':')[0]}:fr`)},
                  ${lastName('l1', 'h6', false)}, city_de, ${P.first}[f1], ${P.brand}[1 + h12 % ${BRANDS.length}], city), '') AS org_base
  FROM people
  OFFSET 0
), org AS (
  SELECT named.*,
    CASE account_type
      WHEN 'individual' THEN NULL
      WHEN 'company' THEN org_base || ' ' || ${pick(P.form, FORMS, 'loc', 'h13', LOCALES, () => 'fr')}
      ELSE org_base END AS company_name
  FROM named
  OFFSET 0
), digits AS (
  SELECT org.*,
    -- Customer-ID digits: a bijection of n on 0..999999 (unique), shown with 5 digits below 100000; beyond a
    -- million rows, n itself. The (5-digit) numbers of the demo accounts get a leading zero instead: unused shape.
    CASE WHEN n >= 1000000 THEN n::text
         WHEN (n * 768143) % 1000000 IN (${demoDigits}) THEN lpad(((n * 768143) % 1000000)::text, 6, '0')
         WHEN (n * 768143) % 1000000 < 100000 THEN lpad(((n * 768143) % 1000000)::text, 5, '0')
         ELSE ((n * 768143) % 1000000)::text END AS id_digits,
    -- Email numbers: another bijection, so emails are unique too.
    (CASE WHEN n >= 1000000 THEN n ELSE (n * 611953) % 1000000 END)::text AS mail_num,
    -- The mail domain of an organisation: its name without the company form, folded.
    CASE WHEN company_name IS NULL THEN NULL
         ELSE left(trim(both '-' from regexp_replace(rd_fold(org_base), '[^a-z0-9]+', '-', 'g')), 40) END AS org_slug
  FROM org
  OFFSET 0
), contact AS (
  SELECT digits.*,
    CASE WHEN org_slug IS NULL OR account_type = 'sole_trader' THEN left(ls, 1) || left(fs, 1)
         ELSE left(org_slug, 1) || coalesce(nullif(left(split_part(org_slug, '-', 2), 1), ''), 'x') END AS id_letters,
    1 + h14 % ${PERSONAL_DOMAINS.length} AS pd,
    CASE h15 % 6
      WHEN 0 THEN fs || '.' || ls WHEN 1 THEN fs || ls WHEN 2 THEN left(fs, 1) || '.' || ls
      WHEN 3 THEN ls || '.' || fs WHEN 4 THEN fs || '_' || ls ELSE left(fs, 1) || ls END AS plocal,
    CASE h16 % 3 WHEN 0 THEN '' WHEN 1 THEN '.' ELSE '_' END AS sep
  FROM digits
  OFFSET 0
), final AS (
  SELECT contact.*,
    id_letters || id_digits || '-ovh' AS customer_id,
    CASE WHEN account_type IN ('individual', 'sole_trader') OR org_slug IS NULL
         THEN plocal || sep || mail_num || '@' || ${P.pdomain}[pd]
         ELSE ${pick(P.role, ROLES, `CASE WHEN language = 'en' THEN 'en' ELSE 'fr' END`, 'h17', ['fr', 'en'])} || '.' || mail_num || '@' || org_slug
              || CASE h18 % 3 WHEN 0 THEN '.example.com' WHEN 1 THEN '.example.net' ELSE '.example.org' END
    END AS primary_email,
    -- About a third without a backup email. Individuals: another address on another personal domain;
    -- organisations: the contact person's own address.
    CASE WHEN h19 % 3 = 0 THEN NULL
         WHEN account_type IN ('individual', 'sole_trader') OR org_slug IS NULL
         THEN CASE h20 % 4 WHEN 0 THEN fs || '.' || ls || '.secours' WHEN 1 THEN left(fs, 1) || ls || '.backup' WHEN 2 THEN ls || '.' || fs ELSE fs || ls END
              || sep || mail_num || '@' || ${P.pdomain}[1 + (pd + h21 % ${PERSONAL_DOMAINS.length - 2}) % ${PERSONAL_DOMAINS.length}]
         ELSE fs || '.' || ls || '.' || mail_num || '@' || ${P.pdomain}[1 + h21 % ${PERSONAL_DOMAINS.length}]
    END AS backup_email,
    -- About 60% with a phone: French mobiles mostly, some Belgian and UK ones; organisations also landlines.
    CASE WHEN h22 % 100 >= 60 THEN NULL
         WHEN (loc = 'be' AND h23 % 100 < 85) OR (loc <> 'be' AND loc <> 'en' AND h23 % 100 < 4)
           THEN '+324' || (7 + h24 % 3)::text || lpad((h32a % 10000000)::text, 7, '0')
         WHEN (loc = 'en' AND h23 % 100 < 90) OR (loc <> 'be' AND loc <> 'en' AND h23 % 100 < 8)
           THEN '+447' || (ARRAY['4','5','7','8','9'])[1 + h24 % 5] || lpad((h32a % 100000000)::text, 8, '0')
         WHEN account_type NOT IN ('individual', 'sole_trader') AND h24 % 2 = 0
           THEN '+33' || (1 + h24 % 5)::text || lpad((h32a % 100000000)::text, 8, '0')
         WHEN h24 % 4 = 0 THEN '+337' || (5 + h24 % 4)::text || lpad((h32a % 10000000)::text, 7, '0')
         ELSE '+336' || lpad((h32a % 100000000)::text, 8, '0')
    END AS phone,
    format(${pick(P.street, STREET, 'loc', 'h25', LOCALES, () => 'fr')},
           (1 + CASE WHEN h26 % 10 < 8 THEN h26 % 60 ELSE h26 % 240 END)::text || CASE WHEN h27 % 25 = 0 THEN ' bis' ELSE '' END) AS street_line,
    CASE WHEN h28 % 1000 < 15 THEN 'locked' ELSE 'active' END AS status,
    now() - make_interval(secs => (${DAY} * 2 + h32b % (${DAY} * 365 * 12))::double precision) AS created_at
  FROM contact
  OFFSET 0
), a AS (
  INSERT INTO customer_accounts (customer_id, account_type, name, company_name, legal_representative, primary_email, backup_email,
    phone, address_line, postal_code, city, country, language, status, flags, created_at, updated_at)
  SELECT customer_id, account_type, person1, company_name,
    CASE WHEN account_type IN ('company', 'association', 'public_administration')
         THEN CASE WHEN h29 % 3 = 0 THEN person1 ELSE person2 END END,
    primary_email, backup_email, phone,
    CASE WHEN account_type = 'public_administration' AND loc IN ('fr', 'ch', 'be') THEN 'Hôtel de ville, ' || street_line ELSE street_line END,
    postal_code, city, country, language, status,
    -- A few recent swaps: the backup became the primary and the customer must register a new backup.
    CASE WHEN backup_email IS NULL AND h28 % 1000 >= 990 THEN ARRAY['backup_email_required'] ELSE '{}'::text[] END,
    created_at, created_at + (now() - created_at) * ((h29 % 100) / 100.0)
  FROM final
  RETURNING id, customer_id, account_type, name, primary_email, backup_email, phone, language, status, flags, created_at
), acc AS (
  SELECT a.*, decode(md5($3::text || ':acc:' || customer_id), 'hex') AS ab,
    ${maskEmailSql('a.primary_email')} AS pmask,
    ${maskEmailSql('a.backup_email')} AS bmask,
    ${maskPhoneSql('a.phone')} AS phmask,
    least(183 * ${DAY}, extract(epoch FROM now() - created_at)::bigint - 60) AS window_secs
  FROM a
  OFFSET 0
), acc2 AS (
  SELECT acc.*,
    -- About half with 2FA, more among companies.
    ${U16('ab', 0)} % 100 < CASE account_type WHEN 'company' THEN 62 WHEN 'association' THEN 40 WHEN 'public_administration' THEN 55 ELSE 48 END AS has2fa,
    ${P.combo}[1 + ${U16('ab', 2)} % ${TWO_FA_COMBOS.length}] AS combo,
    1 + get_byte(ab, 4) % 8 + CASE WHEN status = 'locked' THEN 3 ELSE 0 END AS nev
  FROM acc
), m AS (
  INSERT INTO account_2fa_methods (account_id, kind, label, created_at, last_used_at, codes_left)
  SELECT id, kind,
    CASE kind
      WHEN 'totp' THEN ${P.totp_app}[1 + get_byte(mb, 0) % ${TOTP_APPS.length}] || ' — ' || ${P.device}[1 + get_byte(mb, 1) % ${DEVICES.length}]
      WHEN 'security_key' THEN ${P.skey}[1 + get_byte(mb, 0) % ${SECURITY_KEYS.length}]
      WHEN 'sms' THEN 'SMS ' || phmask
      ELSE CASE WHEN language = 'en' THEN 'Backup codes' ELSE 'Codes de secours' END
    END,
    mcreated,
    CASE WHEN ${U16('mb', 2)} % 100 < 15 THEN NULL ELSE mcreated + (now() - mcreated) * (get_byte(mb, 4) / 255.0) END,
    CASE WHEN kind = 'backup_codes' THEN ${U16('mb', 5)} % 11 END
  FROM (
    SELECT id, language, phmask, mb,
      CASE WHEN kind0 = 'sms' AND phone IS NULL THEN 'totp' ELSE kind0 END AS kind,
      created_at + (now() - created_at) * (${U16('mb', 7)} / 65536.0) AS mcreated
    FROM (
      SELECT acc2.id, acc2.language, acc2.phone, acc2.phmask, acc2.created_at, mk.kind0,
        decode(md5(acc2.customer_id || ':2fa:' || mk.k), 'hex') AS mb
      FROM acc2 CROSS JOIN LATERAL unnest(string_to_array(acc2.combo, ',')) WITH ORDINALITY AS mk(kind0, k)
      WHERE acc2.has2fa
      OFFSET 0
    ) m0
    OFFSET 0
  ) m1
)
INSERT INTO account_security_events (account_id, at, kind, channel, destination_masked, detail, ip)
SELECT id, at, kind, channel,
  CASE WHEN channel = 'email' THEN CASE WHEN kind = 'backup_email_changed' THEN coalesce(bmask, pmask) ELSE pmask END
       WHEN channel = 'phone_support' THEN pmask
       WHEN channel = 'sms' THEN phmask END,
  CASE kind
    WHEN 'login' THEN CASE WHEN channel = 'api' THEN ${P.api_detail}[1 + get_byte(eb, 5) % ${API_DETAILS.length}]
                           ELSE ${P.login_detail}[1 + ${U16('eb', 5)} % ${LOGIN_DETAILS.length}] END
    WHEN 'login_failed' THEN CASE WHEN has2fa AND ${U16('eb', 11)} % 3 = 0 THEN 'wrong 2FA code' ELSE 'wrong password' END
    WHEN 'login_code_sent' THEN 'security verification code (new device)'
    WHEN 'verification_code_sent' THEN CASE WHEN channel = 'sms' THEN '2FA code by SMS' ELSE 'email verification code' END
    WHEN 'password_reset_sent' THEN 'requested from the login page'
    WHEN 'password_changed' THEN 'after a reset link'
    WHEN 'customer_id_reminder_sent' THEN 'requested from the login page'
    WHEN '2fa_method_added' THEN split_part(combo, ',', 1 + get_byte(eb, 11) % 2)
    WHEN '2fa_method_removed' THEN CASE WHEN get_byte(eb, 11) % 2 = 0 THEN 'sms' ELSE 'totp' END
    WHEN 'contact_email_changed' THEN 'backup email made primary by support'
  END,
  CASE WHEN channel IN ('web', 'api') THEN ip_prefix || CASE WHEN ip_prefix LIKE '%:' THEN '****' ELSE '***.***' END END
FROM (
  SELECT e1.*,
    CASE kind
      WHEN 'login' THEN CASE WHEN ${U16('eb', 3)} % 100 < 12 THEN 'api' ELSE 'web' END
      WHEN 'contact_email_changed' THEN 'phone_support'
      WHEN 'verification_code_sent' THEN CASE WHEN phmask IS NOT NULL AND has2fa THEN 'sms' ELSE 'email' END
      WHEN 'login_code_sent' THEN 'email' WHEN 'password_reset_sent' THEN 'email' WHEN 'customer_id_reminder_sent' THEN 'email'
      WHEN 'backup_email_changed' THEN 'email'
      ELSE 'web'
    END AS channel,
    ${P.ip}[1 + ${U16('eb', 13)} % ${IP_PREFIXES.length}] AS ip_prefix
  FROM (
    SELECT e0.*,
      -- The first event of a flagged account is the swap that set the flag; locked accounts end on failures.
      CASE WHEN k = 1 AND 'backup_email_required' = ANY (flags) THEN 'contact_email_changed'
           WHEN status = 'locked' AND k > nev - 3 THEN 'login_failed'
           WHEN r < 45 THEN 'login'
           WHEN r < 53 THEN 'login_failed'
           WHEN r < 64 THEN CASE WHEN has2fa THEN 'login' ELSE 'login_code_sent' END
           WHEN r < 72 THEN 'password_reset_sent'
           WHEN r < 76 THEN 'password_changed'
           WHEN r < 79 THEN 'customer_id_reminder_sent'
           WHEN r < 85 THEN 'verification_code_sent'
           WHEN r < 92 THEN CASE WHEN has2fa THEN (ARRAY['2fa_method_added', '2fa_enabled', '2fa_method_removed'])[1 + ${U16('eb', 2)} % 3]
                                 WHEN get_byte(eb, 2) % 4 = 0 THEN '2fa_disabled' ELSE 'login' END
           WHEN r < 95 AND bmask IS NOT NULL THEN 'backup_email_changed'
           ELSE 'login'
      END AS kind,
      now() - make_interval(secs => (((get_byte(eb, 7)::bigint << 24) + (get_byte(eb, 8) << 16) + (get_byte(eb, 9) << 8) + get_byte(eb, 10))
                                      % greatest(window_secs, 60))::double precision) AS at
    FROM (
      SELECT acc2.id, acc2.has2fa, acc2.combo, acc2.pmask, acc2.bmask, acc2.phmask, acc2.flags, acc2.status, acc2.nev, acc2.window_secs,
        k, eb, ${U16('eb', 0)} % 100 AS r
      FROM (
        SELECT acc2.*, k, decode(md5(acc2.customer_id || ':ev:' || k), 'hex') AS eb
        FROM acc2 CROSS JOIN LATERAL generate_series(1, acc2.nev) AS k
        OFFSET 0
      ) acc2
      OFFSET 0
    ) e0
    OFFSET 0
  ) e1
  OFFSET 0
) e2`;
}

let chunkSqlCache: string | undefined;

async function insertDemoAccounts(qr: QueryRunner, demos: DemoAccount[]): Promise<void> {
  for (const d of demos) {
    const [row]: { id: string }[] = await qr.query(
      `INSERT INTO customer_accounts (customer_id, account_type, name, company_name, legal_representative, primary_email, backup_email,
         phone, address_line, postal_code, city, country, language, status, flags, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'active', '{}', now() - interval '3 years', now() - interval '40 days')
       RETURNING id`,
      [
        d.customerId,
        d.accountType,
        d.name,
        d.companyName,
        d.legalRepresentative,
        d.primaryEmail,
        d.backupEmail,
        d.phone,
        d.addressLine,
        d.postalCode,
        d.city,
        d.country,
        d.language,
      ],
    );
    for (const m of d.twoFactor) {
      await qr.query(
        `INSERT INTO account_2fa_methods (account_id, kind, label, created_at, last_used_at, codes_left)
         VALUES ($1, $2, $3, now() - make_interval(days => $4), now() - make_interval(days => $5), $6)`,
        [row.id, m.kind, m.label, m.daysAgo, m.lastUsedDaysAgo, m.codesLeft ?? null],
      );
    }
    for (const e of d.events) {
      const destination =
        e.to === 'primary'
          ? maskEmail(d.primaryEmail)
          : e.to === 'backup'
            ? maskEmail(d.backupEmail)
            : e.to === 'phone'
              ? maskPhone(d.phone)
              : null;
      await qr.query(
        `INSERT INTO account_security_events (account_id, at, kind, channel, destination_masked, detail, ip)
         VALUES ($1, now() - make_interval(days => $2) - make_interval(mins => $3), $4, $5, $6, $7, $8)`,
        [row.id, e.daysAgo, (e.daysAgo * 37) % 600, e.kind, e.channel, destination, e.detail ?? null, e.ip ?? null],
      );
    }
  }
}

const CHUNK_TIMEOUT_MS = 10 * 60_000;

/** Serializes concurrent seeders (two processes booting at once). */
const SEED_LOCK_KEY = 7_367_101;

export interface SeedAccountsOptions {
  /** Another seed gives other (still deterministic) accounts. Default 1. */
  seed?: number;
  /** Generated rows per statement (memory stays flat). Default 50,000 (about 8 s each here). */
  chunkSize?: number;
  /** Called after each chunk with the number of accounts inserted so far. */
  onProgress?: (inserted: number, total: number) => void;
}

/**
 * Inserts `count` demo accounts (the well-known ones first) with their 2FA methods and security events, only
 * when customer_accounts is empty; returns how many accounts it inserted (0 when there were some already).
 */
export async function seedAccounts(ds: DataSource, count: number, opts: SeedAccountsOptions = {}): Promise<number> {
  if (!Number.isInteger(count) || count < 0) throw new Error(`seedAccounts: count must be a whole number, got ${count}`);
  const seed = opts.seed ?? 1;
  const chunkSize = opts.chunkSize ?? 50_000;
  const qr = ds.createQueryRunner();
  await qr.connect();
  let inserted: number;
  try {
    await qr.startTransaction();
    try {
      await qr.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const [{ some }]: { some: boolean }[] = await qr.query('SELECT EXISTS (SELECT 1 FROM customer_accounts) AS some');
      if (some || count === 0) {
        await qr.commitTransaction();
        return 0;
      }
      // The planner expects millions of rows from the nested generate_series and would JIT-compile every chunk
      // (3 s each); the seed's sorts and GIN pending-list merges are faster with more memory.
      await qr.query('SET LOCAL jit = off');
      await qr.query(`SET LOCAL work_mem = '64MB'`);
      const demos = DEMO_LIST.slice(0, count);
      await insertDemoAccounts(qr, demos);
      inserted = demos.length;
      const generated = count - demos.length;
      const lists = LIST_PARAMS.map(([, values]) => values);
      chunkSqlCache ??= chunkSql();
      // The pool's read timeout (30 s) is for requests; a chunk on a slow machine may take longer. Same
      // connection (and transaction) as the query runner's, reached through it.
      const client = (await qr.connect()) as {
        query(config: { text: string; values: unknown[]; query_timeout: number }): Promise<unknown>;
      };
      for (let lo = 1; lo <= generated; lo += chunkSize) {
        const hi = Math.min(generated, lo + chunkSize - 1);
        await client.query({ text: chunkSqlCache, values: [lo, hi, String(seed), ...lists], query_timeout: CHUNK_TIMEOUT_MS });
        inserted += hi - lo + 1;
        opts.onProgress?.(inserted, count);
      }
      await qr.commitTransaction();
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      throw e;
    }
    // Fresh statistics, so the planner uses the indexes (trigram search) right away, and the trigram index's
    // pending entries merged (searches would scan them one by one until the next vacuum).
    await qr.query('ANALYZE customer_accounts, account_2fa_methods, account_security_events');
    await qr.query(`SELECT gin_clean_pending_list('customer_accounts_search_trgm'::regclass)`).catch(() => undefined);
    return inserted;
  } finally {
    await qr.release();
  }
}
