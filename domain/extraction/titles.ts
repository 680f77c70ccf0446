/**
 * The words of titles, kept once: the cast reads them to tell a title from a name ("Foreign Minister Ana Rojas"),
 * attribution to strip them off a speaker's name ("the former US national security adviser John Bolton").
 */

/** Honorifics printed before a name: "Mr", "Dame", "Sheikh", "HH", "Shri", Malaysia's "Datuk Seri" and "Tengku". */
export const HONORIFICS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr sir dame lord lady sheikh sheikha prof professor col gen lt capt maj adm rev judge shri smt ' +
    'shrimati sri hh h.e. excellency highness prince princess datuk dato datin seri tun tengku'
  ).split(' '),
);
/** Honorifics that a name may also hold further in, as a father's title ("Zafrul Tengku Abdul Aziz"). */
export const HONORIFICS_WITHIN_NAMES: ReadonlySet<string> = new Set(['tengku', 'tun']);

/** Offices and the words that qualify them: "president", "foreign", "acting", "shadow", "secretary-general". */
export const ROLE_TITLES: ReadonlySet<string> = new Set(
  (
    'president vice-president premier minister secretary senator sen governor gov mayor chancellor pm mp mep ambassador ' +
    'envoy spokesman spokeswoman spokesperson chairman chairwoman chairperson chair commissioner director chief head leader ' +
    'king queen prince emir amir speaker representative rep congressman congresswoman general colonel admiral commander deputy ' +
    'foreign defence defense interior trade finance economy home state acting interim former outgoing opposition shadow ' +
    'prime secretary-general vice under adviser advisor negotiator vp fm retd retired cabinet affairs'
  ).split(' '),
);

/**
 * Every word that may stand in a title before a name and is no part of the name: honorifics and offices, and the
 * countries, bodies, parties, ranks and linking words titles are built of ("the", "of", "US", "Kremlin", "Labour"),
 * and the openings of a clause that runs into a name ("speaking", "asked", "but").
 */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...HONORIFICS,
  ...ROLE_TITLES,
  ...(
    'baroness special ex the a an us u.s. uk eu nato kremlin white house russian ukrainian american british french german ' +
    'polish italian finnish dutch spanish european chinese israeli turkish hungarian canadian national security press ' +
    'republican democratic democrat labour tory conservative party justice of for and lieutenant sergeant captain major army ' +
    'navy air force but as when after speaking asked in on at while'
  ).split(' '),
]);
