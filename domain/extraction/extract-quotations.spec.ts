import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractQuotations } from './extract-quotations';
import type { ExtractionKnowledge } from './extraction.types';

const seed = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', name), 'utf8'));
const knowledge: ExtractionKnowledge = {
  actors: seed('actors.json'),
  topics: seed('topic-lexicon.json'),
  cues: seed('stance-cues.json'),
};
const extract = (text: string, publishedOn = '2025-03-12') =>
  extractQuotations({ id: 'a1', text, outlet: 'Test', publishedOn }, knowledge);
const pairs = (text: string, publishedOn?: string) =>
  extract(text, publishedOn).map((quotation) => [quotation.speaker?.actorId ?? null, quotation.quote]);

describe('extractQuotations', () => {
  it('reads an AP-style story: straight quotes, "said" after, split attribution, unknown speakers', () => {
    const text = [
      'WASHINGTON (AP) — Vice President JD Vance said Tuesday that the United States would not "bankroll an endless war" in Ukraine.',
      '',
      '"The president has been very clear," Vance told reporters. "If the Russians are serious, they will come to the table."',
      '',
      'Senator Lindsey Graham, a Republican from South Carolina, said he was drafting new sanctions. "Putin is playing games," Graham said.',
    ].join('\n');
    expect(pairs(text)).toEqual([
      ['jd-vance', 'bankroll an endless war'],
      [
        'jd-vance',
        'The president has been very clear, If the Russians are serious, they will come to the table.',
      ],
      ['lindsey-graham', 'Putin is playing games'],
    ]);
    const [first] = extract(text);
    expect(first.saidOn).toBe('2025-03-11');
    expect(first.saidOnEvidence).toBe('Tuesday');
    expect(extract(text)[2].speaker).toMatchObject({ kind: 'candidate', actorId: 'lindsey-graham' });
  });

  it('reads Guardian-style single quotes with apostrophes, colon introductions and a multi-paragraph quotation', () => {
    const text = [
      'Speaking last night, the Ukrainian president said: ‘We will never recognise the occupation of our land.',
      '‘Ukrainians won’t give their land to the occupier.’',
      'Andrii Sybiha, Ukraine’s foreign minister, added:',
      '‘Peace through strength is not a slogan, and the allies’ support is not charity.’',
    ].join('\n');
    const quotations = extract(text, '2025-08-14');
    expect(quotations.map((q) => [q.speaker?.actorId, q.quote])).toEqual([
      [
        'volodymyr-zelensky',
        'We will never recognise the occupation of our land. Ukrainians won’t give their land to the occupier.',
      ],
      ['andrii-sybiha', 'Peace through strength is not a slogan, and the allies’ support is not charity.'],
    ]);
    expect(quotations[0]).toMatchObject({
      saidOn: '2025-08-13',
      saidOnEvidence: 'last night',
      parts: [{}, {}],
    });
    expect(quotations[1].speaker).toMatchObject({ via: 'colon-intro' });
  });

  it('maps every span back to the original text, marks included, through the clean-up', () => {
    const text = [
      '<image>data:image/s3,"s3://crabby-images/4ed5f/4ed5f3bce02d3d91f45a7bfcd12c686a40e49c7f" alt="A "quoted" caption"</image>',
      'Mr Merz (pictured) said: “Europe must spend more on its own defence.”',
      '‘We will play our part,’ said Sir Keir. ‘But we need allies.’',
    ].join('\n');
    const quotations = extract(text, '2025-06-01');
    expect(quotations).toHaveLength(2);
    for (const quotation of quotations) {
      const span = text.slice(quotation.start, quotation.end);
      expect(span[0]).toMatch(/[“‘]/);
      expect(span.at(-1)).toMatch(/[”’]/);
      for (const part of quotation.parts)
        expect(text.slice(part.start, part.end)).toMatch(/^[“‘][\s\S]*[”’]$/);
    }
    expect(quotations.map((q) => q.speaker?.actorId)).toEqual(['friedrich-merz', 'keir-starmer']);
  });

  it('resolves a role phrase through the role held on the day: the German chancellor before and after 6 May 2025', () => {
    const text = 'The German chancellor said: “Our support for Ukraine will not waver.”';
    expect(pairs(text, '2025-03-01')[0][0]).toBe('olaf-scholz');
    expect(pairs(text, '2025-05-20')[0][0]).toBe('friedrich-merz');
    const secretary = 'The Foreign Secretary told MPs: “We stand with Ukraine.”';
    expect(pairs(secretary, '2025-06-01')[0][0]).toBe('david-lammy');
    expect(pairs(secretary, '2025-10-01')[0][0]).toBe('yvette-cooper');
    expect(pairs('The Kremlin spokesman said: “There is no basis for a truce.”')[0][0]).toBe('dmitry-peskov');
    expect(pairs('The Nato secretary general warned: “We must spend more.”')[0][0]).toBe('mark-rutte');
  });

  it('follows a pronoun chain to the last fitting subject, not to a name in a subordinate clause', () => {
    const text = [
      'Marco Rubio flew to Geneva on Sunday.',
      'Responding to comments from Sergei Lavrov rejecting the plan, he said: “We are not going to negotiate in public.”',
      '“Our goal is a durable peace.”',
      'He added that the talks were “productive and focused”.',
    ].join('\n');
    expect(pairs(text, '2025-11-24')).toEqual([
      ['marco-rubio', 'We are not going to negotiate in public.'],
      ['marco-rubio', 'Our goal is a durable peace.'],
      ['marco-rubio', 'productive and focused'],
    ]);
  });

  it('ignores scare quotes, labels and anonymous words, but keeps a short quote a verb attaches to a speaker', () => {
    const text = [
      'Critics called it a “capitulation” and the so-called “shadow fleet” kept sailing.',
      'What has become known as the “coalition of the willing” met in Paris.',
      'Mr Trump called Mr Zelensky a “dictator” on Wednesday.',
    ].join('\n');
    expect(pairs(text, '2025-02-20')).toEqual([['donald-trump', 'dictator']]);
  });

  it('keeps nested quotations inside the outer speaker’s words', () => {
    const text =
      'Kaja Kallas said: "Moscow talks of \'peace without preconditions\' while its missiles fall on Kyiv."';
    expect(pairs(text, '2025-05-12')).toEqual([
      ['kaja-kallas', "Moscow talks of 'peace without preconditions' while its missiles fall on Kyiv."],
    ]);
  });

  it('gives a transcript labelled with a surname to that person, a candidate when the registry lacks them', () => {
    const text = [
      'INTERVIEW',
      '',
      'TBILISI — Nino Beridze has chaired the committee since spring. She spoke to us in her office.',
      '',
      'Question: Will the talks resume?',
      '',
      'Beridze: Only when both sides accept the agenda. We are ready.',
      '',
      'Question: And the sanctions Donald Trump proposed?',
      '',
      'Beridze: That is for Washington to explain.',
    ].join('\n');
    const quotations = extract(text, '2025-09-01');
    expect(quotations.map((q) => [q.speaker?.actorId, q.quote])).toEqual([
      ['nino-beridze', 'Only when both sides accept the agenda. We are ready.'],
      ['nino-beridze', 'That is for Washington to explain.'],
    ]);
    expect(quotations[0].speaker).toMatchObject({ kind: 'candidate', name: 'Nino Beridze' });
  });

  it('gives the words to the person named before an aside, not to the institution inside it', () => {
    const text =
      'Lin Jian, a spokesperson for China’s foreign ministry, later said Beijing “will not accept interference” in the matter.';
    expect(pairs(text, '2025-06-17')).toEqual([['lin-jian', 'will not accept interference']]);
  });

  it('scores a clear attributed quote on a clear topic higher than an unclear one', () => {
    const clear = extract(
      'Mark Rutte said: "Ukraine\'s path to Nato membership is irreversible and we support it."',
    )[0];
    const unclear = extract('“It was a long day,” someone said. “We will see.”')[0];
    expect(clear.topicId).toBe('ukraine.nato-membership');
    expect(clear.stance).toBe('support');
    expect(clear.confidence).toBeGreaterThanOrEqual(0.8);
    expect(unclear?.confidence ?? 0).toBeLessThan(0.75);
  });
  it('reads answers labelled with a bolded name (**Kallas:**) as well as a plain one', () => {
    const text = [
      "Kaja Kallas, the EU's foreign policy chief, spoke to us in Brussels on Tuesday about Russia and sanctions.",
      '',
      '**Q: Will the EU adopt a new sanctions package against Russia?**',
      '',
      '**Kallas:** Yes, we will adopt the eighteenth package, and the pressure on Russia must keep growing.',
      '',
      '**Q: And the frozen assets?**',
      '',
      "**Kallas:** We must use the frozen assets to pay for Ukraine's defence.",
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      [
        'kaja-kallas',
        'Yes, we will adopt the eighteenth package, and the pressure on Russia must keep growing.',
      ],
      ['kaja-kallas', "We must use the frozen assets to pay for Ukraine's defence."],
    ]);
  });

  it('resolves a title abbreviation ("the VP") to the holder of the title on the day', () => {
    const text = [
      'US Vice-President JD Vance met European leaders in Munich on Friday.',
      '',
      '"Europe has to take more responsibility for its own defence," the VP said after the meeting.',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      ['jd-vance', 'Europe has to take more responsibility for its own defence'],
    ]);
  });

  it('gives "the commissioner … he said" to the registry person the article introduced with that role', () => {
    const text = [
      'European Commissioner for Trade Maros Sefcovic travelled to Washington on Monday for tariff talks.',
      '',
      'The commissioner said the bloc would respond firmly. "We will not accept tariffs of thirty per cent on European goods," he said.',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      ['maros-sefcovic', 'We will not accept tariffs of thirty per cent on European goods'],
    ]);
  });

  it('joins a quotation hard-wrapped with single line breaks inside its sentences', () => {
    const text = [
      'Foreign Minister Penny Wong said on Monday that',
      'Australia would keep working with its Pacific neighbours on climate and security.',
      '',
      '"We will stand with our',
      'Pacific family," she told reporters in Suva. "And we will not',
      'walk away from the region,',
      'whatever others offer."',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      [
        'penny-wong',
        'We will stand with our Pacific family, And we will not walk away from the region, whatever others offer.',
      ],
    ]);
  });

  it('proposes a topic for a subject the taxonomy lacks instead of a registered one that shares a generic word', () => {
    const text = [
      'Chinese and Philippine ships collided near Second Thomas Shoal on Monday, raising fears of a wider conflict in the South China Sea.',
      '',
      'Philippine Defence Secretary Gilberto Teodoro said Manila would not back down. "We will not be bullied, and we will keep resupplying our troops on the shoal," Teodoro said.',
    ].join('\n');
    const [quotation] = extract(text, '2025-07-10');
    expect(quotation.speaker?.actorId).toBe('gilberto-teodoro');
    expect(quotation.topicId).toBeNull();
    expect(quotation.proposedTopic?.id).toMatch(/^proposed\./);
  });

  it('keeps a place word alone from naming a topic about that place ("Canadian" is not Canadian tariffs)', () => {
    const text = [
      'Coastal states argued on Tuesday over cargo traffic through the Arctic as the sea ice retreats.',
      '',
      'Canadian ambassador Anne Lemay said Ottawa would defend its claim. "These are Canadian internal waters, and we will defend our sovereignty," Lemay said.',
    ].join('\n');
    const [quotation] = extract(text, '2025-07-10');
    expect(quotation.topicId).not.toBe('trade.tariffs.north-america');
  });

  it('gives institutions their words: a body named before "spokesman", a body named in full, a movement, "According to"', () => {
    const text = [
      'DOHA - Talks on the ceasefire resumed on Tuesday, officials said.',
      '',
      '"We reject any deal that leaves the occupation in place," a Hamas spokesman said.',
      '',
      '"We are studying the text with care and will answer soon," a US official said.',
      '',
      'The Ministry of Foreign Affairs and International Cooperation said it "strongly condemns" the strikes.',
      '',
      'The M23 movement said: "We will not withdraw from the towns we hold."',
      '',
      'According to Peskov, "The talks are going nowhere for now and we see no progress."',
      '',
      'The head of the National Federation of Traders, Amaka Obi, said the closure would be "a disaster" for them.',
    ].join('\n');
    expect(pairs(text, '2025-06-10')).toEqual([
      ['hamas', 'We reject any deal that leaves the occupation in place'],
      [null, 'We are studying the text with care and will answer soon'],
      ['ministry-of-foreign-affairs-and-international-cooperation', 'strongly condemns'],
      ['m23', 'We will not withdraw from the towns we hold.'],
      ['dmitry-peskov', 'The talks are going nowhere for now and we see no progress.'],
      ['amaka-obi', 'a disaster'],
    ]);
  });

  it('gives a quotation that takes a side without naming its subject the topic the story leads with', () => {
    const text = [
      'BRUSSELS - The European Union agreed on Tuesday to a new package of sanctions on Russia, its eighteenth, ' +
        'with a lower price cap on Russian oil and more banks cut off from payments.',
      '',
      'Ministers said the sanctions would tighten the pressure on the Kremlin over its war in Ukraine.',
      '',
      'Foreign Minister Jan Novak, asked about the deal, said: "This is a strong and necessary step, and we welcome it."',
      '',
      'He added: "I will fly home tonight after the last meeting."',
      '',
      'His Latvian colleague Ilze Berzina said: "We want every member to apply it in full."',
    ].join('\n');
    const [welcome, weather, wish] = extract(text, '2025-07-16');
    expect(welcome).toMatchObject({ topicId: 'russia.sanctions', stance: 'support' });
    expect(welcome.confidences.topic).toBeLessThan(0.5);
    expect(weather.topicId).toBeNull();
    // A wish ("we want", 0.6) takes a side too.
    expect(wish).toMatchObject({ topicId: 'russia.sanctions', stance: 'support' });
  });

  it('takes the story’s subject from its headline when the opening names two topics about as much', () => {
    const text = [
      'Allies agree 5% goal after long night in The Hague',
      '',
      'THE HAGUE - Nato leaders agreed on Wednesday to raise defence spending to 5% of GDP by 2035, and ' +
        'European governments said they would spend more on their own defence, as Britain promised to step up.',
      '',
      'Prime Minister Jan Novak said: "This is the right decision, and it is long overdue."',
    ].join('\n');
    const [novak] = extract(text, '2025-06-26');
    expect(novak).toMatchObject({ topicId: 'nato.defence-spending-5-percent', stance: 'support' });
  });

  it('gives a quotation the story’s subject when the reporter’s sentence names it in common words, not in names', () => {
    const sanctions = [
      'BRUSSELS - The European Union agreed on Tuesday to a new package of sanctions on Russia, with a lower ' +
        'price cap on Russian oil and more banks cut off from payments.',
      '',
      'Ministers said the sanctions would tighten the pressure on the Kremlin over its war in Ukraine.',
      '',
      'Foreign Minister Jan Novak said the new sanctions were "a long time coming".',
    ].join('\n');
    expect(extract(sanctions, '2025-07-16')[0]).toMatchObject({
      quote: 'a long time coming',
      topicId: 'russia.sanctions',
      stance: 'support',
    });
    const greenland = [
      'WASHINGTON - President Donald Trump renewed his push to take over Greenland on Tuesday, saying the United ' +
        'States needs Greenland for national security, and Denmark said again that the island is not for sale.',
      '',
      'The Danish foreign ministry said the two governments would talk again "in the coming days".',
    ].join('\n');
    // "Danish" names the speaker, not what the words are about.
    expect(extract(greenland, '2026-01-14')[0]).toMatchObject({ topicId: null, stance: 'no-position' });
  });

  it('gives a quotation whose words weigh as much for two topics the one the story leads with', () => {
    const text = [
      'RIYADH - Arab ministers on Monday called for a two-state solution, with two states side by side, as the only ' +
        'path to peace between Israel and the Palestinians.',
      '',
      'Ministers said the two-state solution was the answer.',
      '',
      'Foreign Minister Samir Haddad said: "Two states, and the recognition of Palestine: that is the answer."',
    ].join('\n');
    const [haddad] = extract(text, '2025-09-22');
    expect(haddad.topicId).toBe('middle-east.two-state-solution');
  });

  it('gives an evaluation that names no subject the topic most of the story’s quotations name, and not a plan', () => {
    const text = [
      'BRUSSELS - Foreign ministers met for six hours on Tuesday.',
      '',
      'Foreign Minister Jan Novak said: "The new sanctions on Russian oil must stay until the war ends."',
      '',
      'Her colleague Eva Lind said: "We support tougher sanctions on Russia\'s banks."',
      '',
      'Asked about the package, Novak called it "an important and timely decision".',
      '',
      'Lind added: "We will fly to Kyiv next week."',
    ].join('\n');
    const quotations = extract(text, '2025-07-16');
    expect(quotations.map((quotation) => [quotation.quote, quotation.topicId, quotation.stance])).toEqual([
      [
        'The new sanctions on Russian oil must stay until the war ends.',
        'russia.sanctions',
        expect.any(String),
      ],
      ["We support tougher sanctions on Russia's banks.", 'russia.sanctions', 'support'],
      ['an important and timely decision', 'russia.sanctions', 'support'],
      ['We will fly to Kyiv next week.', null, 'no-position'],
    ]);
    expect(quotations[2].confidences.topic).toBeLessThan(0.5);
  });

  it('finds the speaker behind a lower-case title, after a place the sentence opens with, and beside a kinsman', () => {
    const text = [
      'CAIRO - The group said on Saturday it was ready to hand the territory to a committee.',
      '',
      '"We do not want to govern," Hamas political bureau member Hossam Badran told reporters in Cairo.',
      '',
      'Israel\'s Defence Minister Israel Katz answered within hours. "They will be disarmed," he said.',
      '',
      'In Khan Younis, a mother of three, Samia Odeh, said she no longer followed the talks. "They talk and we queue ' +
        'for water," she said.',
      '',
      'Tariffs followed the trial of former President Jair Bolsonaro, who denies wrongdoing.',
      '',
      'Eduardo Bolsonaro, the former president’s son, who lives in the United States, welcomed them. "This is the ' +
        'price of persecution," he wrote on X.',
    ].join('\n');
    expect(pairs(text, '2025-10-04')).toEqual([
      ['hossam-badran', 'We do not want to govern'],
      ['israel-katz', 'They will be disarmed'],
      ['samia-odeh', 'They talk and we queue for water'],
      ['eduardo-bolsonaro', 'This is the price of persecution'],
    ]);
  });

  it('reads "a post on X. He repeated" as two sentences, not as a person called "X He"', () => {
    const text = [
      "Donald Trump said 'great progress' had been made.",
      '',
      "Volodymyr Zelensky reacted in a post on X. He repeated that Ukraine would 'not gift its land to the " +
        "occupier' and said any talks must include Kyiv.",
    ].join('\n');
    expect(pairs(text, '2025-08-16')).toEqual([
      ['donald-trump', 'great progress'],
      ['volodymyr-zelensky', 'not gift its land to the occupier'],
    ]);
  });

  it('gives a participle clause the sentence subject, reads a split quotation around an aside, and dates it', () => {
    const text = [
      "CANBERRA: Australia's deputy prime minister Richard Marles said on Thursday the AUKUS deal would survive a " +
        'Pentagon review ordered by the Trump administration, insisting it was "full steam ahead".',
      '',
      '"We are very confident that AUKUS will proceed. It is in the interests of all three countries," Marles, who ' +
        'is also the defence minister, told the ABC. "The review is a natural thing for a new administration to do."',
      '',
      '“We are not for sale,” Jens-Frederik Nielsen, who is expected to become Greenland’s next prime minister, ' +
        'said in a post on Facebook on Wednesday. “Our future is decided here.”',
      '',
      'Nielsen said he would meet the Danish prime minister on Friday.',
    ].join('\n');
    expect(
      extract(text, '2025-06-13').map((quotation) => [
        quotation.speaker?.actorId,
        quotation.quote,
        quotation.saidOn,
      ]),
    ).toEqual([
      ['richard-marles', 'full steam ahead', '2025-06-12'],
      [
        'richard-marles',
        'We are very confident that AUKUS will proceed. It is in the interests of all three countries, The review ' +
          'is a natural thing for a new administration to do.',
        '2025-06-12',
      ],
      ['jens-frederik-nielsen', 'We are not for sale, Our future is decided here.', '2025-06-11'],
    ]);
  });

  it('reads a transcript of labelled turns: askers are not quoted, each answer is its label’s, dated by its scene', () => {
    const text = [
      'WEEKEND REPORT WITH DANA COLE',
      '',
      'DANA COLE, HOST: Good morning. I spoke with Iran’s foreign minister, Abbas Araghchi, in New York on Saturday.',
      '',
      'COLE: Minister, the sanctions are back. What does that mean?',
      '',
      'ARAGHCHI: It is illegal and it has no legal effect.',
      '',
      'We will not give up our rights.',
      '',
      'COLE: The agency chief said last week that inspectors "must go back in". Will they?',
      '',
      'ARAGHCHI: I will not discuss that.',
      '',
      '(END VIDEOTAPE)',
      '',
      'COLE: Joining me now is Mira Sand, a former inspector. Mira, what did you hear?',
      '',
      'MIRA SAND, FORMER INSPECTOR: I heard a door that is half open.',
    ].join('\n');
    expect(
      extract(text, '2025-09-28').map((quotation) => [
        quotation.speaker?.actorId ?? null,
        quotation.quote,
        quotation.saidOn,
      ]),
    ).toEqual([
      [
        'abbas-araghchi',
        'It is illegal and it has no legal effect. We will not give up our rights.',
        '2025-09-27',
      ],

      ['abbas-araghchi', 'I will not discuss that.', '2025-09-27'],
      ['mira-sand', 'I heard a door that is half open.', '2025-09-28'],
    ]);
    expect(extract(text, '2025-09-28')[1].stance).toBe('no-comment');
  });

  it('reads a German edition: low-high marks, a body named with its letters, "the 69-year-old chancellor"', () => {
    const text = [
      'Chancellor Friedrich Merz on Monday warned that exporters would „take a serious hit“ from the tariffs.',
      '',
      'The Federation of German Industries (BDI) said in a statement that the deal sent „a painful signal“.',
      '',
      'The 69-year-old chancellor, who has long backed free trade, called for other agreements. „Mercosur, ' +
        'India, Indonesia: we must conclude them quickly,“ he said in the evening.',
    ].join('\n');
    expect(pairs(text, '2025-07-28')).toEqual([
      ['friedrich-merz', 'take a serious hit'],
      ['federation-of-german-industries', 'a painful signal'],
      ['friedrich-merz', 'Mercosur, India, Indonesia: we must conclude them quickly'],
    ]);
  });

  it('reads a round-up: each quotation signed on the next line with a dash, a name, a title and a day', () => {
    const text = [
      'Ceasefire deal: what leaders said',
      '',
      'UNITED NATIONS',
      '',
      '“The fighting must stop for good, and aid must reach everyone in need.”',
      '— António Guterres, UN secretary-general, in a statement on Wednesday night',
      '',
      'EUROPEAN UNION',
      '',
      '“The EU stands ready to help rebuild what was destroyed.”',
      '— Ursula von der Leyen, European Commission president, on X',
      '',
      '“We will not rest until the last hostage has come home.”',
      '— Hostages and Missing Families Forum, in a statement',
    ].join('\n');
    expect(
      extract(text, '2025-10-09').map((quotation) => [quotation.speaker?.actorId ?? null, quotation.saidOn]),
    ).toEqual([
      ['antonio-guterres', '2025-10-08'],
      ['ursula-von-der-leyen', '2025-10-09'],
      ['hostages-and-missing-families-forum', '2025-10-09'],
    ]);
  });

  it('reads "Shri" as an honorific and gives an unnamed "Prime Minister" to the holder of the country the story is about', () => {
    const text = [
      'CANBERRA - Australia and the United States signed a minerals deal on Monday. Australian officials said ' +
        'Australia would invest first.',
      '',
      'The Prime Minister said the deal was "a partnership built for the long term".',
      '',
      'In New Delhi, Commerce Minister Shri Piyush Goyal said India would "not bend its knee" on tariffs.',
    ].join('\n');
    expect(pairs(text, '2025-10-21')).toEqual([
      ['anthony-albanese', 'a partnership built for the long term'],
      ['piyush-goyal', 'not bend its knee'],
    ]);
  });

  it('keeps a body’s nationality in its name and drops a prince’s title, a chain of titles and a relative clause’s role', () => {
    const text = [
      'NAIROBI - The American Cotton Council said it welcomed the truce but wanted "clear numbers and dates" first.',
      '',
      "Tanzania's Prime Cabinet Secretary and Foreign Affairs Cabinet Secretary Amani Kiprono said Dar es Salaam " +
        'was in touch with both sides. "We will not pick a side in this quarrel," Mr Kiprono told journalists.',
      '',
      'Omani Foreign Minister Prince Badr bin Hamad, speaking in Geneva, said the sultanate had joined the effort.',
      '',
      '"Our help is not a blank cheque," Prince Badr said.',
      '',
      'Tamsin Hale-Burnett, a retired admiral who now advises governments, has looked at the numbers.',
      '',
      'Hale-Burnett thinks the hard part is ahead. "Signing was the easy part," she says.',
    ].join('\n');
    expect(pairs(text, '2025-06-01')).toEqual([
      ['american-cotton-council', 'clear numbers and dates'],
      ['amani-kiprono', 'We will not pick a side in this quarrel'],
      ['badr-bin-hamad', 'Our help is not a blank cheque'],
      ['tamsin-hale-burnett', 'Signing was the easy part'],
    ]);
  });

  it('reads a body known by its letters, a Sheikh by his given name, and a trailing name with an aside and a relative clause', () => {
    const text = [
      'DOHA - Talks went on.',
      '',
      '"The other side listens to us. It is slow, but it moves," Oleh Marchenko, deputy head of Ukraine\'s National ' +
        "Security Council, who led Kyiv's team at talks with U.S. officials in Miami, wrote on Telegram.",
      '',
      'MIDAS, the Israeli military unit that runs the crossings, said that "the crossings are open" to all.',
      '',
      "Qatar's Prime Minister and Minister of Foreign Affairs, Sheikh Mohammed bin Abdulrahman Al Thani, told a " +
        'panel on Thursday that Doha would keep working on the truce.',
      '',
      '"Gaza belongs to its people," Sheikh Mohammed said.',
    ].join('\n');
    expect(pairs(text, '2026-01-22')).toEqual([
      ['oleh-marchenko', 'The other side listens to us. It is slow, but it moves'],
      ['midas', 'the crossings are open'],
      ['mohammed-bin-abdulrahman-al-thani', 'Gaza belongs to its people'],
    ]);
  });

  it('gives words to a body named in one word, and to “It” after a body, but not to a number or a month', () => {
    const text = [
      'RAMALLAH - Fatah, which has no seat on the council, said in a statement that it accepted a civilian ' +
        'committee but rejected "any outside trusteeship over our land".',
      '',
      "Japan's trade ministry said in a statement that Tokyo would pause the rules. It urged Seoul to " +
        '"keep its promises and avoid old errors".',
      '',
      'Two officials, who spoke on the condition of anonymity, said the gap remained wide. One called the plan ' +
        '"a first step, nothing more." In September, aides were "quietly hopeful".',
    ].join('\n');
    expect(pairs(text, '2026-01-22')).toEqual([
      ['fatah', 'any outside trusteeship over our land'],
      // "It" before a verb of saying: the body last on stage.
      ['japanese-trade-ministry', 'keep its promises and avoid old errors'],
    ]);
  });

  it('reads a live blog’s paragraph of words without marks after an introduction and a colon, not a report of them', () => {
    const text = [
      'Summit live: leaders argue over the loan',
      '',
      'The bloc’s foreign policy chief, Anna Berg, has just spoken to reporters. She made the case bluntly:',
      '',
      'If we cannot use the money of the aggressor, then we are asking our own voters to pay. That is harder.',
      '',
      'Polish prime minister Donald Tusk has posted on X as he arrived in Brussels:',
      '',
      'Europe can pay for its defence now, or for its own defence later, at a much higher price.',
      '',
      'Viktor Orban also spoke to reporters on his way in:',
      '',
      'He said the loan was a mistake and that Hungary would block it until the end.',
    ].join('\n');
    expect(pairs(text, '2025-12-18')).toEqual([
      [
        'anna-berg',
        'If we cannot use the money of the aggressor, then we are asking our own voters to pay. That is harder.',
      ],
      [
        'donald-tusk',
        'Europe can pay for its defence now, or for its own defence later, at a much higher price.',
      ],
    ]);
  });

  it('names a ministry or a government by its country, however the story prints it', () => {
    const text = [
      'DOHA - Qatar hosted talks on Sunday. Qatar said it would go on mediating.',
      '',
      'In a statement on Monday, the Ministry of Foreign Affairs said it "categorically rejects" the claims.',
      '',
      'The government of Mauritius said it welcomed "the decisive vote of the British Parliament".',
      '',
      'In Moscow, the Russian Defense Ministry said it had struck "military airfields" overnight.',
      '',
      'Ghana’s defence ministry said it had "sent suitable units to respond".',
    ].join('\n');
    expect(pairs(text, '2025-09-15')).toEqual([
      ['qatari-foreign-ministry', 'categorically rejects'],
      ['mauritian-government', 'the decisive vote of the British Parliament'],
      ['russian-defense-ministry', 'military airfields'],
      // The spelling the story prints.
      ['ghanaian-defence-ministry', 'sent suitable units to respond'],
    ]);
  });

  it('reads long Gulf names and titles: "HH the Amir Sheikh Tamim bin Hamad Al Thani", a spokesman whose aside names a ministry', () => {
    const text = [
      'Doha, September 15 (QNA) - Leaders met in Doha on Monday in solidarity with Qatar.',
      '',
      'Opening the summit, HH the Amir Sheikh Tamim bin Hamad Al Thani described the attack as "a flagrant assault".',
      '',
      'HH the Amir stressed that those who bomb talks "do not want negotiations at all".',
      '',
      'On Sunday, HE Prime Minister and Minister of Foreign Affairs Sheikh Mohammed bin Abdulrahman bin Jassim Al ' +
        'Thani said the strike was "a blow aimed at every mediator".',
      '',
      'Dr. Majed bin Mohammed Al Ansari, Official Spokesperson of the Ministry of Foreign Affairs, had told reporters: ' +
        '"This is reckless behaviour that we will not tolerate."',
    ].join('\n');
    expect(pairs(text, '2025-09-15')).toEqual([
      ['tamim-bin-hamad-al-thani', 'a flagrant assault'],
      ['tamim-bin-hamad-al-thani', 'do not want negotiations at all'],
      ['mohammed-bin-abdulrahman-al-thani', 'a blow aimed at every mediator'],
      ['majed-bin-mohammed-al-ansari', 'This is reckless behaviour that we will not tolerate.'],
    ]);
  });

  it('reads a translated Brazilian story: a relative clause with commas, a party tag, two Bolsonaros, "evaluated"', () => {
    const text = [
      'Trump linked the tariff to the trial of former president Jair Bolsonaro (PL).',
      '',
      'Vice-president Geraldo Alckmin, who also heads the Ministry of Development, Industry, Trade and Services ' +
        '(MDIC), said talks would open "in the coming days".',
      '',
      "Bolsonaro's son, the federal deputy Eduardo Bolsonaro (PL-SP), who has lived in the United States since " +
        'March, wrote on X that the tariff was "the bill for the persecution".',
      '',
      '"It\'s the government\'s fault," Bolsonaro said.',
      '',
      '"The tariff is clearly political," evaluated Mariana Quintela, a professor in São Paulo.',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      ['geraldo-alckmin', 'in the coming days'],
      ['eduardo-bolsonaro', 'the bill for the persecution'],
      ['jair-bolsonaro', "It's the government's fault"],
      ['mariana-quintela', 'The tariff is clearly political'],
    ]);
  });

  it('reads an Indian daily: "Shri Goyal said", a ministry spokesperson named after its letters, "the EAM"', () => {
    const text = [
      'Union Commerce Minister Shri Piyush Goyal on Thursday said India would "not bend its knee".',
      '',
      '"India will not negotiate with a gun to its head," Shri Goyal said.',
      '',
      'White House adviser Peter Navarro told a channel that India must stop. "The tariffs stay," he said.',
      '',
      'The Ministry of External Affairs (MEA) called the duty "unwarranted". At the weekly briefing on Thursday, MEA ' +
        'spokesperson Randhir Jaiswal said purchases followed the market. "Price decides where we buy," he said.',
      '',
      'External Affairs Minister Dr S Jaishankar spoke on Wednesday. The EAM added that it was "odd" to be lectured.',
    ].join('\n');
    expect(pairs(text, '2025-08-28')).toEqual([
      ['piyush-goyal', 'not bend its knee'],
      ['piyush-goyal', 'India will not negotiate with a gun to its head'],
      ['peter-navarro', 'The tariffs stay'],
      ['indian-foreign-ministry', 'unwarranted'],
      ['randhir-jaiswal', 'Price decides where we buy'],
      ['subrahmanyam-jaishankar', 'odd'],
    ]);
  });

  it('reads a given name that is also a country\'s ("Jordan Bardella, president of…") and "the Élysée specified"', () => {
    const text = [
      'In a statement on Monday evening, the Élysée specified that an embassy would depend on « the release of all ' +
        'the hostages ».',
      '',
      'Jordan Bardella, president of the Rassemblement National, said on Tuesday that it was « a serious mistake ».',
    ].join('\n');
    expect(pairs(text, '2025-09-23')).toEqual([
      ['elysee', 'the release of all the hostages'],
      ['jordan-bardella', 'a serious mistake'],
    ]);
  });

  it('reads "al-Burhan" as part of a name and gives "the 50-year-old said" to the person before, not to a place', () => {
    const text = [
      'The RSF commander, Mohamed Hamdan Dagalo, appeared in a video on Wednesday. "El Fasher is free," the ' +
        '50-year-old said.',
      '',
      'The army chief, General Abdel Fattah al-Burhan, spoke in Omdurman on Thursday. The general said: "We will ' +
        'take back every inch of it."',
    ].join('\n');
    expect(pairs(text, '2025-10-31')).toEqual([
      ['mohamed-hamdan-dagalo', 'El Fasher is free'],
      ['abdel-fattah-al-burhan', 'We will take back every inch of it.'],
    ]);
  });

  it('reads "the minister for overseas territories, Stephen Doughty," as Doughty, "the minister said" after him, and "Aug. 29"', () => {
    const text = [
      'The minister for Europe, Josiane Laurent, spoke first. "It is fine," she said.',
      '',
      'Winding up for the government, the minister for overseas territories, Stephen Doughty, accused the ' +
        'opposition of rewriting history. "We finished them," the minister said.',
      '',
      'Tymur Tkachenko, head of the city administration, announced Aug. 29 as "a day of mourning" in the capital.',
    ].join('\n');
    expect(pairs(text, '2025-10-15')).toEqual([
      ['josiane-laurent', 'It is fine'],
      ['stephen-doughty', 'We finished them'],
      ['tymur-tkachenko', 'a day of mourning'],
    ]);
  });

  it('reads dialogue printed with dashes: the questions are not quoted, the answers are the interviewee’s', () => {
    const text = [
      'President Luiz Inácio Lula da Silva said on Thursday that Brazil would respond "with reciprocity".',
      '',
      'In the interview, the president was asked about the next steps:',
      '',
      '—Will Brazil go to the WTO?',
      '',
      '—We will go to the WTO, we will go wherever we have to go.',
      '',
      '—And if Trump refuses to talk?',
      '',
      '—Then the reciprocity law will be applied.',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      ['luiz-inacio-lula-da-silva', 'with reciprocity'],
      ['luiz-inacio-lula-da-silva', 'We will go to the WTO, we will go wherever we have to go.'],
      ['luiz-inacio-lula-da-silva', 'Then the reciprocity law will be applied.'],
    ]);
  });

  it('gives "the government said" to the government of the country the story names most', () => {
    const text = [
      'Brazil will answer the tariff, Brazilian officials said. Exports from Brazil fell.',
      '',
      'In a note, the government said that Brazil "does not take orders from abroad".',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([['brazilian-government', 'does not take orders from abroad']]);
  });

  it('gives words reported in ", who has said" to the name just before the relative pronoun', () => {
    const text = [
      'KYIV - Talks resumed on Tuesday, officials said.',
      '',
      'Zelensky met envoys sent by Trump, who has said the war "must end now, one way or another".',
    ].join('\n');
    expect(pairs(text, '2025-06-10')).toEqual([['donald-trump', 'must end now, one way or another']]);
    expect(extract(text, '2025-06-10')[0].saidOn).toBeNull();
  });

  it('gives fragments to a body a leading clause names: "A Hamas spokesman said", "Keidanren, the … lobby, said"', () => {
    const text = [
      'GAZA - Talks resumed on Tuesday, officials said.',
      '',
      "A Hamas spokesman said the group remained 'fully committed' to the agreement.",
      '',
      'Keidanren, the country\'s most powerful business lobby, said in a statement that it "highly appreciates" the effort.',
      '',
      'Rustem Umerov, the secretary of the security council, wrote that the text "reflects our key priorities".',
      '',
      'An EU official said the plan was "dead on arrival".',
    ].join('\n');
    expect(pairs(text, '2025-06-10')).toEqual([
      ['hamas', 'fully committed'],
      ['keidanren', 'highly appreciates'],
      ['rustem-umerov', 'reflects our key priorities'],
    ]);
  });

  it('keeps an analyst’s or a scholar’s words as evidence with no position, however the story introduces them', () => {
    const text = [
      'BRUSSELS - The European Union said on Monday it would answer the new US tariffs on steel with tariffs of its own.',
      '',
      '"These tariffs are a mistake and they must go," said Senator Paula Brennan, a Democrat from Ohio.',
      '',
      '"These tariffs are a mistake that will cost jobs on both sides," said Tomas Rivera, an economist at a Lisbon bank.',
      '',
      '"The retaliatory tariffs are wrong and must be dropped," evaluated Ines Kovac, professor of trade law at a university in Zagreb.',
      '',
      'Associate Professor Lena Holt, who studies trade policy at a London institute, said: "The tariffs are a mistake."',
      '',
      '"Retaliation on steel is the wrong answer to the tariffs," said Marek Novak, who teaches economics in Prague.',
    ].join('\n');
    const quotations = extract(text, '2025-03-10');
    expect(quotations.map((quotation) => quotation.speaker?.actorId)).toEqual([
      'paula-brennan',
      'tomas-rivera',
      'ines-kovac',
      'lena-holt',
      'marek-novak',
    ]);
    const [senator, ...commentators] = quotations;
    expect(senator.topicId).not.toBeNull();
    expect(senator.stance).not.toBe('no-position');
    for (const quotation of commentators)
      expect(quotation).toMatchObject({ topicId: null, stance: 'no-position' });
  });

  it('reads shared surnames by paragraph, "the former president", a middle name, an embassy in a city and a quotation attributed after its last paragraph', () => {
    const text = [
      'SEOUL - North Korea dismissed the offer on Tuesday.',
      '',
      'Kim Yo Jong, a senior party official, said the South was "not a partner". Former President Moon Jae-in urged calm.',
      '',
      'Leader Kim Jong Un was quoted separately by state media. "We will build more ships," Kim said.',
      '',
      'Prime Minister Kim Min-seok said the government would wait. "Patience is also a policy," Kim said.',
      '',
      'The former president, for his part, told reporters the talks "could resume".',
      '',
      'Foreign Minister Lars Løkke Rasmussen also spoke. Mr Løkke said the meeting had been "frank".',
      '',
      'The U.S. Embassy in Seoul wrote on X that the alliance was "ironclad".',
      '',
      '"We want talks. We have always wanted them.',
      '',
      '"But nobody should mistake patience for weakness," said Cho Hyun, the foreign minister.',
    ].join('\n');
    expect(pairs(text, '2025-08-20')).toEqual([
      ['kim-yo-jong', 'not a partner'],
      ['kim-jong-un', 'We will build more ships'],
      ['kim-min-seok', 'Patience is also a policy'],
      ['moon-jae-in', 'could resume'],
      ['lars-lokke-rasmussen', 'frank'],
      ['us-embassy', 'ironclad'],
      [
        'cho-hyun',
        'We want talks. We have always wanted them. But nobody should mistake patience for weakness',
      ],
    ]);
  });

  it('reads a Chinese family name that is also a pronoun, India’s "the EAM" beside another foreign minister, and Malaysian honorifics', () => {
    const text = [
      'BEIJING - Vice-Premier He Lifeng briefed state media on Thursday. He said the talks had been "candid".',
      '',
      'At the commerce ministry’s briefing, spokeswoman He Yongqian was asked about the port fees. "The two sides have agreed on a package," Ms He said.',
      '',
      'External Affairs Minister Dr S Jaishankar, who met Foreign Minister Sergei Lavrov on Thursday, spoke on Friday. "The conflict must end through dialogue," the EAM said.',
      '',
      'KUALA LUMPUR: Prime Minister Datuk Seri Anwar Ibrahim hailed the declaration as "a new chapter".',
      '',
      '"We chose to negotiate," said Trade Minister Tengku Datuk Seri Zafrul Tengku Abdul Aziz.',
    ].join('\n');
    expect(pairs(text, '2025-10-31')).toEqual([
      ['he-lifeng', 'candid'],
      ['he-yongqian', 'The two sides have agreed on a package'],
      ['subrahmanyam-jaishankar', 'The conflict must end through dialogue'],
      ['anwar-ibrahim', 'a new chapter'],
      ['zafrul-tengku-abdul-aziz', 'We chose to negotiate'],
    ]);
  });

  it('gives "he said" to the subject of a clause joined by "and", not to the sentence’s first name', () => {
    const text = [
      'KYIV - Foreign Minister Andrii Sybiha received us on Wednesday.',
      '',
      'Mr Rutte had told reporters that support "does not depend on any one document", and Mr Sybiha said he had taken the remark as intended. "He was speaking to Moscow as much as to us," he said.',
      '',
      'The former prime minister was asked about a message Mr Trump later posted online. "I think he deserves credit," Mr Rutte said.',
    ].join('\n');
    expect(pairs(text, '2025-06-26')).toEqual([
      ['mark-rutte', 'does not depend on any one document'],
      ['andrii-sybiha', 'He was speaking to Moscow as much as to us'],
      ['mark-rutte', 'I think he deserves credit'],
    ]);
  });

  it('tells a new person from a registered one who shares the surname', () => {
    const text = [
      'NUUK - Prime Minister Jens-Frederik Nielsen said the meeting had changed nothing. "Cooperation is not ownership," Mr Nielsen said.',
      '',
      'Pipaluk Nielsen, a member of parliament for the opposition, said Copenhagen was "speaking for Greenland without asking Greenland". Ms Nielsen called the plan "a Danish solution".',
    ].join('\n');
    expect(pairs(text, '2026-01-15')).toEqual([
      ['jens-frederik-nielsen', 'Cooperation is not ownership'],
      ['pipaluk-nielsen', 'speaking for Greenland without asking Greenland'],
      ['pipaluk-nielsen', 'a Danish solution'],
    ]);
  });

  it('reads a surname with its particle: "Dr Al Ansari" after "Dr Majed bin Mohammed Al Ansari"', () => {
    const text = [
      'DOHA - The foreign ministry’s spokesman, Dr Majed bin Mohammed Al Ansari, told the weekly briefing that talks went on.',
      '',
      '"We are close. I will not say closer than that," Dr Al Ansari said.',
    ].join('\n');
    expect(pairs(text, '2025-10-08')).toEqual([
      ['majed-bin-mohammed-al-ansari', 'We are close. I will not say closer than that'],
    ]);
  });

  it('reads "the German MEP said" and "the Danish minister said" as the last person on stage of no other country', () => {
    const text = [
      'BRUSSELS - German Economy Minister Katherina Reiche said on Sunday that talks should go on.',
      '',
      'Danish Foreign Minister Lars Løkke Rasmussen sat beside French Trade Minister Laurent Saint-Martin. "There is a strong sense of unity," said the Danish minister.',
      '',
      'Asked about the delay, trade committee chairman Bernd Lange said the difficulty ran both ways. "He is the one who changed the terms," the German MEP said.',
      '',
      '"Our members need a deal, not a war of lists," said Markus Baier, director general of a machinery federation.',
    ].join('\n');
    expect(pairs(text, '2025-07-14')).toEqual([
      ['lars-lokke-rasmussen', 'There is a strong sense of unity'],
      ['bernd-lange', 'He is the one who changed the terms'],
      ['markus-baier', 'Our members need a deal, not a war of lists'],
    ]);
  });

  it('makes a person of a name after a kin noun or "a congressman", for "the 41-year-old wrote" after it', () => {
    const text = [
      'BRASILIA - Lula mocked the letter. "Brazil stopped being a colony long ago," he said.',
      '',
      'The former president’s third son, Eduardo Bolsonaro, a congressman who moved to the United States in March, thanked Trump within hours. "Thank you, President Trump," the 41-year-old wrote on X late Wednesday.',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      ['luiz-inacio-lula-da-silva', 'Brazil stopped being a colony long ago'],
      ['eduardo-bolsonaro', 'Thank you, President Trump'],
    ]);
  });

  it('gives a second verb joined by "and" the first one’s subject, and reads an office after a body as a title', () => {
    const text = [
      'DOHA - Turkish President Recep Tayyip Erdogan said that Israel’s government had become "a threat to the region" and urged Muslim countries to use "every economic lever" against it.',
      '',
      'Arab League Secretary-General Ahmed Aboul Gheit warned of what he called "a policy of impunity".',
    ].join('\n');
    expect(pairs(text, '2025-09-16')).toEqual([
      ['recep-tayyip-erdogan', 'a threat to the region'],
      ['recep-tayyip-erdogan', 'every economic lever'],
      ['ahmed-aboul-gheit', 'a policy of impunity'],
    ]);
  });

  it('joins no split quotation across a gap of two sentences', () => {
    const text = [
      'BRUSSELS - Ministers met on Monday.',
      '',
      'French Trade Minister Laurent Saint-Martin sat beside Finance Minister Fernando Haddad. "There is a strong sense of unity," said Mr Haddad. Saint-Martin went further. "If Washington wants a fight, Europe has the means to answer," he said.',
    ].join('\n');
    expect(pairs(text, '2025-07-14')).toEqual([
      ['fernando-haddad', 'There is a strong sense of unity'],
      ['laurent-saint-martin', 'If Washington wants a fight, Europe has the means to answer'],
    ]);
  });

  it('ends a Q-and-A interview at a paragraph that quotes someone with a verb of saying', () => {
    const text = [
      'KYIV - Andrii Sybiha, the foreign minister, received us on Wednesday.',
      '',
      'Q: Is the new text acceptable?',
      '',
      'A: It is better, not good.',
      '',
      'Q: And NATO?',
      '',
      'A: Not for us.',
      '',
      'Dmitry Peskov, the Kremlin spokesman, told reporters that Moscow had "not yet received" the text. Asked about that, Mr Sybiha smiled. "Then they are the only ones," he said.',
    ].join('\n');
    expect(pairs(text, '2025-11-27')).toEqual([
      ['dmitry-peskov', 'not yet received'],
      ['andrii-sybiha', 'Then they are the only ones'],
      ['andrii-sybiha', 'It is better, not good.'],
      ['andrii-sybiha', 'Not for us.'],
    ]);
  });

  it('finds a name before a possessive ending, and gives "Meloni’s office said" to Meloni', () => {
    const text = [
      'ROME - Trade ministers met on Monday.',
      '',
      'Meloni’s office said in a statement that a trade war would be "madness for both shores of the Atlantic" and urged calm.',
    ].join('\n');
    expect(pairs(text, '2025-07-14')).toEqual([
      ['giorgia-meloni', 'madness for both shores of the Atlantic'],
    ]);
  });

  it('reads a capitalised office with a list of portfolios before a name as the title, not the speaker', () => {
    const text = [
      'PUTRAJAYA - The cabinet met on Monday.',
      '',
      '"The quota is not perfect, but it is fair," said Energy, Water and Transport Minister Datuk Seri Ahmad Faizal Rahman, speaking at a forum.',
      '',
      '"We will keep the subsidy," Rice and Fisheries Minister Lena Vasquez said.',
    ].join('\n');
    expect(pairs(text, '2025-10-27')).toEqual([
      ['ahmad-faizal-rahman', 'The quota is not perfect, but it is fair'],
      ['lena-vasquez', 'We will keep the subsidy'],
    ]);
  });

  it('gives "the younger X" to the family member introduced as a child, "the elder X" to the other', () => {
    const text = [
      'SANTIAGO - Former President Ramon Castellano said on Monday that he would not run again.',
      '',
      'His second son, Tomas Castellano, a senator, disagreed. "Our family has never walked away from a fight," the senator said.',
      '',
      '"The party needs new faces," Castellano said.',
      '',
      'In a video posted on Tuesday, the younger Castellano said the decision was "a gift to our rivals" and urged calm.',
      '',
      'Later, the elder Castellano said it was "time to rest".',
    ].join('\n');
    expect(pairs(text, '2025-07-10')).toEqual([
      ['tomas-castellano', 'Our family has never walked away from a fight'],
      ['ramon-castellano', 'The party needs new faces'],
      ['tomas-castellano', 'a gift to our rivals'],
      ['ramon-castellano', 'time to rest'],
    ]);
  });

  it('reads a broadcast sound-bite label "[Name/Post, Body: …]" as the person before the slash', () => {
    const text = [
      '[Anchor]',
      '',
      'The talks stalled again on Tuesday. Reporter Lee Min-ho has more.',
      '',
      '[Report]',
      '',
      'Experts say the stall was expected.',
      '',
      '[Park Seo-yeon/Researcher, Centre for Harbour Studies: "Nobody in the room wanted to move first. That is how these talks always go."]',
      '',
      'Researcher Park added that the next round could go better, "if both sides bring new maps."',
    ].join('\n');
    expect(pairs(text, '2025-08-20')).toEqual([
      ['park-seo-yeon', 'Nobody in the room wanted to move first. That is how these talks always go.'],
      ['park-seo-yeon', 'if both sides bring new maps.'],
    ]);
  });

  it('reads a ministry named by its building ("Wisma Putra", "the Quai d’Orsay", "Foggy Bottom") as the ministry', () => {
    const text = [
      'PARIS - The talks ended on Friday.',
      '',
      'In a statement, the Quai d’Orsay said the accord was "a first step, not the last".',
      '',
      'Wisma Putra said the agreement showed "that patience pays".',
      '',
      'Foggy Bottom said it was "studying the text".',
    ].join('\n');
    expect(pairs(text, '2025-10-27')).toEqual([
      ['french-foreign-ministry', 'a first step, not the last'],
      ['malaysian-foreign-ministry', 'that patience pays'],
      ['state-department', 'studying the text'],
    ]);
  });

  it('gives words quoted in the that-clause of "X’s statement/remark that …" to X, leaving the subject on stage', () => {
    const text = [
      'CAIRO - Talks resumed on Thursday.',
      '',
      'Asked about Netanyahu’s statement on Wednesday that Israel would keep "a buffer along the border", Abdelatty said Cairo rejected it.',
      '',
      'Badr Abdelatty, asked about Trump’s remark that the plan was "nearly done", said only that talks continued. "We will wait for the text," he said.',
    ].join('\n');
    expect(pairs(text, '2025-10-09')).toEqual([
      ['benjamin-netanyahu', 'a buffer along the border'],
      ['donald-trump', 'nearly done'],
      ['badr-abdelatty', 'We will wait for the text'],
    ]);
  });

  it('reads a one-word name that "said in a statement", never introduced as a person, as a body that speaks', () => {
    const text = [
      'BEIRUT - Mediators met on Thursday.',
      '',
      'Hezbollah said in a statement that it considered the truce "a victory for the resistance."',
    ].join('\n');
    expect(pairs(text, '2025-10-09')).toEqual([['hezbollah', 'a victory for the resistance.']]);
  });

  it('gives "what Mr Løkke called" to the name with an honorific before the verb, and "the foreign minister" after to him', () => {
    const text = [
      'WASHINGTON - Danish Foreign Minister Lars Løkke Rasmussen and Greenland’s Foreign Minister Vivian Motzfeldt met Secretary of State Marco Rubio on Wednesday and came away with what Mr Løkke called "a disagreement that is still there".',
      '',
      '"Nobody here is selling anything," the foreign minister told reporters. Ms Motzfeldt, beside him, nodded.',
    ].join('\n');
    expect(pairs(text, '2026-01-15')).toEqual([
      ['lars-lokke-rasmussen', 'a disagreement that is still there'],
      ['lars-lokke-rasmussen', 'Nobody here is selling anything'],
    ]);
  });

  it('reads "had written" as a verb of saying', () => {
    const text = [
      'WASHINGTON - Ministers met on Wednesday.',
      '',
      'Shortly before the meeting, President Donald Trump had written on Truth Social that the island was "vital for our Security, and that will never change." Nobody else spoke.',
    ].join('\n');
    expect(pairs(text, '2026-01-15')).toEqual([
      ['donald-trump', 'vital for our Security, and that will never change.'],
    ]);
  });

  it('reads a name in Title Case after a lower-case "the" as a label, not a quotation', () => {
    const text = [
      'HANOI - The two leaders signed a declaration on Sunday.',
      '',
      'President Donald Trump, who called the text "the Hanoi River Friendship Pact" at the ceremony, said both sides had "done something special."',
    ].join('\n');
    expect(pairs(text, '2025-10-27')).toEqual([['donald-trump', 'done something special.']]);
  });

  it('gives a fragment inside reported speech to the speaker named after a comma at the clause’s end', () => {
    const text = [
      'PUTRAJAYA, July 28 - The two sides agreed to an "immediate and lasting" truce on Monday after days of fighting, Malaysian Prime Minister Anwar Ibrahim said.',
      '',
      'The bloc will meet any new levy with "swift and measured" steps, the trade commissioner Maroš Šefčovič said on Tuesday, even as talks went on.',
    ].join('\n');
    expect(pairs(text, '2025-07-29')).toEqual([
      ['anwar-ibrahim', 'immediate and lasting'],
      ['maros-sefcovic', 'swift and measured'],
    ]);
  });

  it('reads "thanked X for "…"" as the thanker’s words', () => {
    const text = [
      'KYIV - Leaders met on Friday.',
      '',
      'Ukraine’s President Volodymyr Zelensky thanked the bloc for "a brave and necessary step". Talks go on.',
    ].join('\n');
    expect(pairs(text, '2025-07-18')).toEqual([['volodymyr-zelensky', 'a brave and necessary step']]);
  });

  it('gives "the trade ministry" to the country whose trade minister the story names', () => {
    const text = [
      'SEOUL, Apr 17 - Talks in Washington made no progress, South Korea’s trade minister said on Thursday, as the United States held to its tariffs.',
      '',
      'A statement from the trade ministry said the two sides would "keep talking at the working level".',
    ].join('\n');
    expect(pairs(text, '2025-04-18')).toEqual([
      ['south-korean-trade-ministry', 'keep talking at the working level'],
    ]);
  });

  it('makes no speaker of a country named with its article ("The Philippines accused …")', () => {
    const text = [
      'MANILA, June 17 - The Philippines accused China on Tuesday of "reckless and unlawful" moves near the shoal, officials said.',
    ].join('\n');
    expect(pairs(text, '2025-06-17')).toEqual([]);
  });

  it('joins no label ending a sentence inside its marks to the quotation that opens the next', () => {
    const text = [
      'NUUK - Residents were unmoved by what some called the “friendship tour.” “We are not for sale. We never were,” said Inge Berthelsen, 41, a fisher.',
    ].join('\n');
    expect(pairs(text, '2025-03-28')).toEqual([['inge-berthelsen', 'We are not for sale. We never were']]);
  });

  it('gives a lede’s "Japan’s chief negotiator said" to the Japanese official the next paragraph names', () => {
    const text = [
      'WASHINGTON, April 18 - Japan’s chief trade negotiator said on Thursday that the first round had been "useful but tough", and that Tokyo would press on.',
      '',
      '"We are not there yet," Kenji Morita, Japan’s economy minister, told reporters after meeting US officials.',
    ].join('\n');
    expect(pairs(text, '2025-04-18')).toEqual([
      ['kenji-morita', 'useful but tough'],
      ['kenji-morita', 'We are not there yet'],
    ]);
  });
});
