/** A country or body as the press names it: its name, the adjective of its people, and other names for it. */
export type Place = { name: string; demonym: string; others?: string[] };

const PLACES: Place[] = [
  { name: 'Afghanistan', demonym: 'Afghan' },
  { name: 'African Union', demonym: 'African Union', others: ['AU'] },
  { name: 'Albania', demonym: 'Albanian' },
  { name: 'Algeria', demonym: 'Algerian' },
  { name: 'Angola', demonym: 'Angolan' },
  { name: 'Argentina', demonym: 'Argentine', others: ['Argentinian'] },
  { name: 'Armenia', demonym: 'Armenian' },
  { name: 'Australia', demonym: 'Australian' },
  { name: 'Austria', demonym: 'Austrian' },
  { name: 'Azerbaijan', demonym: 'Azerbaijani' },
  { name: 'Bahrain', demonym: 'Bahraini' },
  { name: 'Bangladesh', demonym: 'Bangladeshi' },
  { name: 'Belarus', demonym: 'Belarusian' },
  { name: 'Belgium', demonym: 'Belgian' },
  { name: 'Bhutan', demonym: 'Bhutanese', others: ['Thimphu'] },
  { name: 'Bolivia', demonym: 'Bolivian' },
  { name: 'Bosnia', demonym: 'Bosnian' },
  { name: 'Botswana', demonym: 'Botswanan', others: ['Gaborone'] },
  { name: 'Brazil', demonym: 'Brazilian' },
  { name: 'Bulgaria', demonym: 'Bulgarian' },
  { name: 'Burkina Faso', demonym: 'Burkinabe', others: ['Ouagadougou'] },
  { name: 'Burundi', demonym: 'Burundian' },
  { name: 'Cambodia', demonym: 'Cambodian' },
  { name: 'Cameroon', demonym: 'Cameroonian' },
  { name: 'Canada', demonym: 'Canadian' },
  { name: 'Chad', demonym: 'Chadian' },
  { name: 'Chile', demonym: 'Chilean' },
  { name: 'China', demonym: 'Chinese', others: ['Beijing'] },
  { name: 'Colombia', demonym: 'Colombian' },
  { name: 'Congo', demonym: 'Congolese', others: ['DR Congo', 'DRC', 'Democratic Republic of Congo'] },
  { name: 'Costa Rica', demonym: 'Costa Rican', others: ['San José'] },
  { name: 'Croatia', demonym: 'Croatian' },
  { name: 'Cuba', demonym: 'Cuban' },
  { name: 'Cyprus', demonym: 'Cypriot' },
  { name: 'Czech Republic', demonym: 'Czech', others: ['Czechia'] },
  { name: 'Denmark', demonym: 'Danish' },
  { name: 'Djibouti', demonym: 'Djiboutian' },
  { name: 'Dominican Republic', demonym: 'Dominican', others: ['Santo Domingo'] },
  { name: 'Ecuador', demonym: 'Ecuadorian' },
  { name: 'Egypt', demonym: 'Egyptian', others: ['Cairo'] },
  { name: 'El Salvador', demonym: 'Salvadoran', others: ['San Salvador'] },
  { name: 'Eritrea', demonym: 'Eritrean' },
  { name: 'Estonia', demonym: 'Estonian' },
  { name: 'Ethiopia', demonym: 'Ethiopian' },
  { name: 'European Union', demonym: 'European', others: ['EU', 'Europe', 'Brussels'] },
  { name: 'Finland', demonym: 'Finnish' },
  { name: 'France', demonym: 'French', others: ['Paris'] },
  { name: 'Georgia', demonym: 'Georgian' },
  { name: 'Germany', demonym: 'German', others: ['Berlin'] },
  { name: 'Ghana', demonym: 'Ghanaian' },
  { name: 'Greece', demonym: 'Greek' },
  { name: 'Greenland', demonym: 'Greenlandic' },
  { name: 'Guatemala', demonym: 'Guatemalan' },
  { name: 'Guyana', demonym: 'Guyanese' },
  { name: 'Haiti', demonym: 'Haitian' },
  { name: 'Honduras', demonym: 'Honduran', others: ['Tegucigalpa'] },
  { name: 'Hungary', demonym: 'Hungarian' },
  { name: 'Iceland', demonym: 'Icelandic', others: ['Reykjavik'] },
  { name: 'India', demonym: 'Indian', others: ['New Delhi'] },
  { name: 'Indonesia', demonym: 'Indonesian' },
  { name: 'Iran', demonym: 'Iranian', others: ['Tehran'] },
  { name: 'Iraq', demonym: 'Iraqi' },
  { name: 'Ireland', demonym: 'Irish' },
  { name: 'Israel', demonym: 'Israeli' },
  { name: 'Italy', demonym: 'Italian' },
  { name: 'Ivory Coast', demonym: 'Ivorian', others: ["Côte d'Ivoire", 'Abidjan'] },
  { name: 'Jamaica', demonym: 'Jamaican', others: ['Kingston'] },
  { name: 'Japan', demonym: 'Japanese', others: ['Tokyo'] },
  { name: 'Jordan', demonym: 'Jordanian' },
  { name: 'Kazakhstan', demonym: 'Kazakh' },
  { name: 'Kenya', demonym: 'Kenyan' },
  { name: 'Kosovo', demonym: 'Kosovar' },
  { name: 'Kuwait', demonym: 'Kuwaiti' },
  { name: 'Laos', demonym: 'Laotian', others: ['Vientiane'] },
  { name: 'Latvia', demonym: 'Latvian' },
  { name: 'Lebanon', demonym: 'Lebanese' },
  { name: 'Libya', demonym: 'Libyan' },
  { name: 'Lithuania', demonym: 'Lithuanian' },
  { name: 'Madagascar', demonym: 'Malagasy', others: ['Antananarivo'] },
  { name: 'Malaysia', demonym: 'Malaysian' },
  { name: 'Maldives', demonym: 'Maldivian', others: ['Malé'] },
  { name: 'Mali', demonym: 'Malian' },
  { name: 'Malta', demonym: 'Maltese', others: ['Valletta'] },
  { name: 'Mauritius', demonym: 'Mauritian', others: ['Port Louis'] },
  { name: 'Mexico', demonym: 'Mexican' },
  { name: 'Moldova', demonym: 'Moldovan' },
  { name: 'Morocco', demonym: 'Moroccan' },
  { name: 'Mozambique', demonym: 'Mozambican' },
  { name: 'Myanmar', demonym: 'Myanmar' },
  { name: 'NATO', demonym: 'NATO', others: ['Nato'] },
  { name: 'Namibia', demonym: 'Namibian', others: ['Windhoek'] },
  { name: 'Nepal', demonym: 'Nepali' },
  { name: 'Netherlands', demonym: 'Dutch' },
  { name: 'New Zealand', demonym: 'New Zealand' },
  { name: 'Nicaragua', demonym: 'Nicaraguan' },
  { name: 'Niger', demonym: 'Nigerien' },
  { name: 'Nigeria', demonym: 'Nigerian' },
  { name: 'North Korea', demonym: 'North Korean', others: ['Pyongyang'] },
  { name: 'Norway', demonym: 'Norwegian' },
  { name: 'Oman', demonym: 'Omani' },
  { name: 'Pakistan', demonym: 'Pakistani', others: ['Islamabad'] },
  { name: 'Palestine', demonym: 'Palestinian' },
  { name: 'Panama', demonym: 'Panamanian' },
  { name: 'Paraguay', demonym: 'Paraguayan', others: ['Asunción'] },
  { name: 'Peru', demonym: 'Peruvian' },
  { name: 'Philippines', demonym: 'Philippine', others: ['Filipino'] },
  { name: 'Poland', demonym: 'Polish' },
  { name: 'Portugal', demonym: 'Portuguese' },
  { name: 'Qatar', demonym: 'Qatari', others: ['Doha'] },
  { name: 'Romania', demonym: 'Romanian' },
  { name: 'Russia', demonym: 'Russian', others: ['Moscow'] },
  { name: 'Rwanda', demonym: 'Rwandan', others: ['Kigali'] },
  { name: 'Saudi Arabia', demonym: 'Saudi', others: ['Riyadh'] },
  { name: 'Senegal', demonym: 'Senegalese' },
  { name: 'Serbia', demonym: 'Serbian' },
  { name: 'Singapore', demonym: 'Singaporean' },
  { name: 'Slovakia', demonym: 'Slovak' },
  { name: 'Slovenia', demonym: 'Slovenian' },
  { name: 'Somalia', demonym: 'Somali' },
  { name: 'Somaliland', demonym: 'Somalilander' },
  { name: 'South Africa', demonym: 'South African' },
  { name: 'South Korea', demonym: 'South Korean', others: ['Seoul'] },
  { name: 'South Sudan', demonym: 'South Sudanese' },
  { name: 'Spain', demonym: 'Spanish' },
  { name: 'Sri Lanka', demonym: 'Sri Lankan' },
  { name: 'Sudan', demonym: 'Sudanese' },
  { name: 'Sweden', demonym: 'Swedish' },
  { name: 'Switzerland', demonym: 'Swiss' },
  { name: 'Syria', demonym: 'Syrian', others: ['Damascus'] },
  { name: 'Taiwan', demonym: 'Taiwanese', others: ['Taipei'] },
  { name: 'Tanzania', demonym: 'Tanzanian', others: ['Dodoma'] },
  { name: 'Thailand', demonym: 'Thai', others: ['Bangkok'] },
  { name: 'Tunisia', demonym: 'Tunisian' },
  { name: 'Turkey', demonym: 'Turkish', others: ['Türkiye', 'Ankara'] },
  { name: 'Uganda', demonym: 'Ugandan' },
  { name: 'Ukraine', demonym: 'Ukrainian', others: ['Kyiv'] },
  { name: 'United Arab Emirates', demonym: 'Emirati', others: ['UAE'] },
  { name: 'United Kingdom', demonym: 'British', others: ['Britain', 'UK', 'London'] },
  { name: 'United Nations', demonym: 'UN', others: ['U.N.'] },
  { name: 'United States', demonym: 'American', others: ['US', 'U.S.', 'America', 'Washington'] },
  { name: 'Uruguay', demonym: 'Uruguayan', others: ['Montevideo'] },
  { name: 'Uzbekistan', demonym: 'Uzbek' },
  { name: 'Venezuela', demonym: 'Venezuelan', others: ['Caracas'] },
  { name: 'Vietnam', demonym: 'Vietnamese' },
  { name: 'Yemen', demonym: 'Yemeni' },
  { name: 'Zambia', demonym: 'Zambian' },
  { name: 'Zimbabwe', demonym: 'Zimbabwean' },
];

const byWord = new Map<string, Place>();
/** Letters printed in capitals ("UN", "US", "U.S."): only so printed, or "Kim Jong Un" would name the United Nations. */
const acronyms = new Set<string>();
for (const place of PLACES)
  for (const word of [place.name, place.demonym, ...(place.others ?? [])]) {
    byWord.set(word.toLowerCase(), place);
    if (/^(?:\p{Lu}\.?){2,4}$/u.test(word)) acronyms.add(word.toLowerCase());
  }

/** The place a country name, demonym or capital stands for ("Chilean", "Egypt", "Kyiv"), or undefined. */
export const placeNamed = (word: string): Place | undefined => {
  const printed = word.replace(/[’']s$/, '').trim();
  const key = printed.toLowerCase();
  if (acronyms.has(key) && printed !== printed.toUpperCase()) return undefined;
  return byWord.get(key);
};

/** One capitalised word, or two ("New Delhi", "Saudi Arabia"), where a place may be named. */
const CAPITALISED_PAIR = /\p{Lu}\p{L}+(?:\s\p{Lu}\p{L}+)?/gu;

/** The places a text names, in order: by name, people's adjective or another name ("Canberra", "New Delhi"). */
export const placesIn = (text: string): Place[] => {
  const found: Place[] = [];
  for (const match of text.matchAll(CAPITALISED_PAIR)) {
    const place = placeNamed(match[0]) ?? placeNamed(match[0].split(/\s/)[0]);
    if (place) found.push(place);
  }
  return found;
};

let counted: { text: string; counts: Map<Place, number> } | undefined;
/**
 * How often a text names each place in a single word ("Brazil", "Brazilian", "Brasília"), counted once per text (an
 * article asks for it once per ministry and title).
 */
export const timesPlacesNamed = (text: string): Map<Place, number> => {
  if (counted?.text !== text) {
    const counts = new Map<Place, number>();
    for (const word of text.match(/\p{Lu}\p{L}+/gu) ?? []) {
      const place = placeNamed(word);
      if (place) counts.set(place, (counts.get(place) ?? 0) + 1);
    }
    counted = { text, counts };
  }
  return counted.counts;
};
