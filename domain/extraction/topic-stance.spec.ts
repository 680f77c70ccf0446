import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StanceCues, TopicLexicon } from './extraction.types';
import { forgetTexts, guessStance, guessTopic, leadTopic } from './topic-stance';

const topics: TopicLexicon[] = [
  {
    topicId: 'ukraine.nato-membership',
    terms: ['nato', 'alliance'],
    strongTerms: ['join nato', 'nato membership'],
  },
  { topicId: 'russia.sanctions', terms: ['sanctions', 'pressure'], strongTerms: ['sanctions on russia'] },
];
const cues: StanceCues = {
  negation: [
    { phrase: 'not', weight: 1 },
    { phrase: "won't", weight: 1 },
  ],
  condition: [
    { phrase: 'unless', weight: 1 },
    { phrase: 'if', weight: 0.6 },
  ],
  hedge: [{ phrase: "we'll see", weight: 1.5 }],
  noComment: [{ phrase: 'a matter for', weight: 2 }],
  support: [
    { phrase: 'support', weight: 1 },
    { phrase: 'must', weight: 0.8 },
  ],
  oppose: [
    { phrase: 'forget about', weight: 1.2 },
    { phrase: 'reject', weight: 1 },
  ],
};

describe('topic and stance', () => {
  it('on a topic without a stance cue, reads the topic’s own words as asserted, and as denied under a negation', () => {
    const sanctions = topics[1];
    expect(guessStance(cues, 'The sanctions are working.', 'russia.sanctions', sanctions).stance).toBe(
      'support',
    );
    expect(guessStance(cues, 'There will not be sanctions.', 'russia.sanctions', sanctions)).toMatchObject({
      stance: 'oppose',
      confidence: 0.45,
    });
    // One use of the terms outside the negation's reach keeps the assertion.
    expect(
      guessStance(
        cues,
        'Not now. The sanctions stay, and the pressure is real.',
        'russia.sanctions',
        sanctions,
      ).stance,
    ).toBe('support');
  });

  it('ends a negation’s reach at the end of its sentence and at a "but"', () => {
    const stance = (quote: string) => guessStance(cues, quote, 'ukraine.nato-membership').stance;
    expect(stance('This is not charity. We must support them.')).toBe('support');
    expect(stance('This is not charity, we must support them.')).toBe('oppose');
    expect(stance('Not today, but we support their membership.')).toBe('support');
  });

  it('reads a denial of the topic’s strong terms too', () => {
    const retaliation = { topicId: 'retaliation', terms: ['countermeasures'], strongTerms: ['trade war'] };
    const quote = 'We will not start a trade war with our closest ally.';
    expect(guessStance(cues, quote, 'retaliation', retaliation)).toMatchObject({
      stance: 'oppose',
      confidence: 0.45,
    });
  });

  it('gives no position to a quotation that only describes what there is or what happened', () => {
    const sanctions = topics[1];
    const stance = (quote: string) => guessStance(cues, quote, 'russia.sanctions', sanctions).stance;
    expect(stance('There are two texts on the sanctions, and everyone has read them.')).toBe('no-position');
    expect(stance('The sanctions package was drafted by the commission over the weekend.')).toBe(
      'no-position',
    );
    expect(stance('We discussed the sanctions with them and they listened.')).toBe('no-position');
    // A verb of now or of what is to come keeps the assertion.
    expect(stance('The sanctions were drafted carefully and they are working.')).toBe('support');
    expect(stance('The sanctions will stay.')).toBe('support');
    // What there is not rebuts someone; a denial of the topic's words stays a denial.
    expect(stance('There is not one case for sanctions.')).toBe('oppose');
    expect(stance('There is no alternative to pressure, and it works.')).toBe('support');
    expect(stance('They did not want sanctions.')).toBe('oppose');
  });

  it('reads the undoing of what the proposition asks for the other way', () => {
    const reversal = {
      before: ['lift', 'easing', 'end'],
      after: ['must go', 'be lifted'],
      notMeasures: ['fighting'],
    };
    const withReversal: StanceCues = {
      ...cues,
      reversal,
      oppose: [...cues.oppose, { phrase: 'mistake', weight: 0.8 }],
    };
    const sanctions = { topicId: 'russia.sanctions', terms: ['sanctions'], strongTerms: [] };
    const stance = (quote: string) => guessStance(withReversal, quote, 'russia.sanctions', sanctions).stance;
    expect(stance('We must lift the sanctions.')).toBe('oppose');
    expect(stance('Easing the sanctions now would be a mistake.')).toBe('support');
    expect(stance('We will not lift the sanctions this year.')).toBe('support');
    expect(stance('These sanctions must go.')).toBe('oppose');
    // A way in or a going on is no going away.
    expect(stance('More sanctions must go in every month.')).toBe('support');
    expect(stance('We must keep the sanctions.')).toBe('support');
    // Ending what the proposition itself would end is no undoing.
    const truce = { topicId: 'truce', terms: ['fighting', 'truce'], strongTerms: [] };
    expect(guessStance(withReversal, 'We must end the fighting.', 'truce', truce).stance).toBe('support');
    expect(guessStance(withReversal, 'We must end the truce.', 'truce', truce).stance).toBe('oppose');
  });

  it('lets a hedge before a "but" give way to the side the rest takes', () => {
    const stance = (quote: string) => guessStance(cues, quote, 'ukraine.nato-membership').stance;
    expect(stance("We'll see what the summit brings, but we support their membership.")).toBe('support');
    expect(stance("We support their membership, but we'll see.")).toBe('hedged');
    expect(stance("We'll see what the summit brings.")).toBe('hedged');
  });

  it('picks the topic whose lexicon the quotation uses most, the frame counting half', () => {
    expect(guessTopic(topics, 'Ukraine can forget about joining Nato.', '').topicId).toBe(
      'ukraine.nato-membership',
    );
    expect(guessTopic(topics, 'We must keep up the pressure.', 'on sanctions on Russia').topicId).toBe(
      'russia.sanctions',
    );
    expect(guessTopic(topics, 'It was a long day.', '')).toEqual({ topicId: null, confidence: 0 });
  });

  it('counts the words of a clause of condition or time for little, unless the rest names no subject', () => {
    // The measure asked for is the subject; what the speaker wants in return is the condition.
    expect(
      guessTopic(topics, 'The sanctions must stay until Ukraine is in Nato and the alliance is whole.', '')
        .topicId,
    ).toBe('russia.sanctions');
    expect(guessTopic(topics, 'We will not rest until they are inside Nato.', '').topicId).toBe(
      'ukraine.nato-membership',
    );
  });

  it('gives a topic whose anchors must be near only when its paragraph or the one before names them', () => {
    const aid: TopicLexicon = {
      topicId: 'aid.overseas.uk',
      terms: ['aid', 'gaza'],
      anchors: ['britain', 'british'],
      nearAnchors: true,
    };
    const gaza: TopicLexicon = { topicId: 'gaza.aid', terms: ['aid'], anchors: ['gaza'] };
    const article = 'Britain cut its aid budget last year. In Gaza, the convoys waited.';
    const quote = 'Aid must reach Gaza now.';
    expect(guessTopic([aid, gaza], quote, '', article, 'In Gaza, the convoys waited.').topicId).toBe(
      'gaza.aid',
    );
    expect(
      guessTopic([aid, gaza], quote, '', article, 'A British minister said aid must reach Gaza now.').topicId,
    ).toBe('aid.overseas.uk');
  });

  it('lets the headline, then the quotations, choose among topics the opening names about as much', () => {
    const lexicons: TopicLexicon[] = [
      { topicId: 'alliance.spending-target', terms: ['defence spending', '5%'], strongTerms: ['5%'] },
      { topicId: 'europe.spending', terms: ['defence spending', 'spending', 'rise'] },
    ];
    forgetTexts();
    const lede =
      'Alliance leaders agreed on Wednesday to raise defence spending to 5% of output, the biggest spending rise ' +
      'in decades, and governments said the spending would come from growth.';
    // 5 against 4: the opening alone does not say which.
    expect(leadTopic(lexicons, lede, lede)).toBeNull();
    expect(leadTopic(lexicons, lede, lede, 'Allies sign up to 5% after long night')).toBe(
      'alliance.spending-target',
    );
    expect(leadTopic(lexicons, lede, lede, 'Summit ends in The Hague')).toBeNull();
    const quoted = ['europe.spending', null, 'europe.spending', 'alliance.spending-target'];
    expect(leadTopic(lexicons, lede, lede, 'Summit ends in The Hague', quoted)).toBe('europe.spending');
    expect(leadTopic(lexicons, lede, lede, 'Summit ends in The Hague', quoted.slice(0, 2))).toBeNull();
  });

  it('with the seed lexicon, reads "Article 5-like" as a guarantee and a ceasefire that brings peace as a ceasefire', () => {
    const seedTopics = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'seeds', 'topic-lexicon.json'), 'utf8'),
    ) as TopicLexicon[];
    const article = 'Talks on Ukraine and Russia went on in Paris.';
    const topic = (quote: string) => guessTopic(seedTopics, quote, '', article).topicId;
    expect(topic('We are not talking about membership, but about Article 5-like guarantees.')).toBe(
      'ukraine.security-guarantees.us',
    );
    expect(topic('Russia must show that it wants peace by accepting this ceasefire.')).toBe(
      'ukraine.ceasefire.immediate',
    );
    expect(topic('We should go directly to a peace agreement.')).toBe('ukraine.ceasefire-vs-lasting-peace');
    const elsewhere = 'Talks on Gaza, Greenland and Iran went on; Israel and the Palestinians were there.';
    const there = (quote: string) => guessTopic(seedTopics, quote, '', elsewhere).topicId;
    // A Palestinian state is what two states and recognition both speak of: recognising it marks the one.
    expect(there('Any arrangement must lead to two states and to a Palestinian state.')).toBe(
      'middle-east.two-state-solution',
    );
    expect(there('Decisions about Greenland are made by Greenlanders.')).toBe('greenland.us-control');
    expect(there('Enrichment is our right, and it is not for sale.')).toBe('iran.nuclear.enrichment');
  });

  it('with the seed lexicon, reads burden-sharing idioms as defence spending (the story decides which) and sanctioned crude as sanctions', () => {
    const seedTopics = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'seeds', 'topic-lexicon.json'), 'utf8'),
    ) as TopicLexicon[];
    const article = 'Nato leaders and Britain met in The Hague to talk about money.';
    for (const quote of ['Every ally must pull its weight.', 'No more free riders, and no more excuses.']) {
      expect(guessTopic(seedTopics, quote, '', article)).toMatchObject({
        topicId: 'europe.defence-spending',
        tiedWith: ['nato.defence-spending-5-percent'],
      });
    }
    const onRussia = 'Russia and its oil buyers were the subject.';
    expect(
      guessTopic(seedTopics, 'Our refiners will not buy from sanctioned firms.', '', onRussia).topicId,
    ).toBe('russia.sanctions');
    expect(guessTopic(seedTopics, 'They keep buying Russian crude.', '', onRussia).topicId).toBe(
      'russia.sanctions',
    );
  });

  it('reads a "not" after a comma as setting an alternative aside, not as denying the words before it', () => {
    const sanctions = topics[1];
    const stance = (quote: string) => guessStance(cues, quote, 'russia.sanctions', sanctions).stance;
    expect(stance('Sanctions within weeks, not months.')).toBe('support');
    expect(stance('Sanctions are not the answer.')).toBe('oppose');
  });

  it('with the seed lexicon, reads a truce’s first phase as the Gaza ceasefire', () => {
    const seedTopics = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'seeds', 'topic-lexicon.json'), 'utf8'),
    ) as TopicLexicon[];
    const article = 'Mediators met on Gaza.';
    expect(guessTopic(seedTopics, 'Phase one is only a beginning.', '', article).topicId).toBe(
      'middle-east.gaza.ceasefire',
    );
    expect(guessTopic(seedTopics, 'The first phase has to start now.', '', article).topicId).toBe(
      'middle-east.gaza.ceasefire',
    );
  });

  it('reads support, negated support, opposition, conditions, hedges and refusals from the cues', () => {
    const stance = (quote: string) => guessStance(cues, quote, 'ukraine.nato-membership').stance;
    expect(stance('We support their membership.')).toBe('support');
    expect(stance('We do not support their membership.')).toBe('oppose');
    expect(stance('They can forget about it.')).toBe('oppose');
    expect(stance('We support it, unless Russia attacks again.')).toBe('conditional-support');
    expect(stance('We reject it unless they change course.')).toBe('conditional-opposition');
    expect(stance("We'll see what happens.")).toBe('hedged');
    expect(stance("That's a matter for the alliance.")).toBe('no-comment');
    expect(guessStance(cues, 'We support it, unless Russia attacks again.', 't').conditions).toEqual([
      { text: 'We support it, unless Russia attacks again.', topicId: 't' },
    ]);
  });

  describe('with the seed cues', () => {
    const seedCues = JSON.parse(
      readFileSync(join(__dirname, '..', '..', 'seeds', 'stance-cues.json'), 'utf8'),
    ) as StanceCues;
    const tariffs = { topicId: 'tariffs', terms: ['tariffs', 'duties'], strongTerms: [] };
    const stance = (quote: string) => guessStance(seedCues, quote, 'tariffs', tariffs).stance;

    it('reads no cue inside a set phrase ("at best", "right now")', () => {
      // "best" and "right" would each cancel the criticism out.
      expect(stance('These tariffs are a mistake, a gamble at best.')).toBe('oppose');
      expect(stance('Right now, these tariffs are unfair.')).toBe('oppose');
      expect(stance('These tariffs are the right answer.')).toBe('support');
    });

    it('reads criticism and regret for what was done as opposition', () => {
      expect(stance('This is a dark day for free trade.')).toBe('oppose');
      expect(stance('I would have wished for a better outcome on tariffs.')).toBe('oppose');
      expect(stance('These duties are reckless and self-defeating.')).toBe('oppose');
    });

    it('reads a plain refusal ("not going to") as no condition', () => {
      expect(stance('We are not going to lift the tariffs because somebody asks nicely.')).toBe('support');
      expect(stance('We are not going to lift the tariffs unless they open their market.')).toBe(
        'conditional-support',
      );
    });

    it('reads a refusal or a criticism under a negation as none, and "not ruling out" as a hedge', () => {
      expect(stance('We are not ruling out new tariffs.')).toBe('hedged');
      expect(stance('New tariffs have not been ruled out.')).toBe('hedged');
      expect(stance('These tariffs are not a mistake.')).toBe('support');
      expect(stance('New tariffs are ruled out.')).toBe('oppose');
    });

    it('reads vetoes, blocking and gifts to the other side as opposition', () => {
      expect(stance('We will veto these tariffs.')).toBe('oppose');
      expect(stance('Parliament will block the duties.')).toBe('oppose');
      expect(stance('Lifting the tariffs now would be a gift to Beijing.')).toBe('support');
    });

    it('reads "for as long as it takes" as no condition, and a condition proper even without a cue', () => {
      expect(stance('The tariffs will stay for as long as it takes.')).toBe('support');
      expect(stance('The tariffs stay, provided the talks fail.')).toBe('conditional-support');
      // A clause of time says when, not whether.
      expect(stance('The tariffs stay until the talks are over.')).toBe('support');
    });

    it('reads how the talks went as no position, unless a stronger word takes a side', () => {
      expect(stance('The talks on tariffs were frank but constructive.')).toBe('no-position');
      expect(stance('We made very good progress on the tariffs.')).toBe('no-position');
      expect(stance('We made progress, and the tariffs must stay.')).toBe('support');
      // Without a word of the talks, the same words on the topic assert it.
      expect(stance('The tariffs are working.')).toBe('support');
    });

    it('reads a clause of time beside a side taken as when, not whether, unless a negation or circumstances make it a condition', () => {
      expect(stance('We must keep the tariffs until they are ready to talk seriously.')).toBe('support');
      expect(stance('Until they open their market, the pressure of the tariffs must grow.')).toBe('support');
      expect(stance('We will not lift the tariffs until they open their market.')).toBe(
        'conditional-support',
      );
      expect(stance('We want to cut the tariffs as soon as the economy allows.')).toBe('conditional-support');
    });

    it('ends a negation in an opening condition at its comma', () => {
      expect(stance('If they say no to this, we should raise the tariffs.')).toBe('support');
    });

    it('reads the verdicts diplomats give a decision as a side, even told in the past', () => {
      expect(stance('Imposing the tariffs was the right call.')).toBe('support');
      expect(stance('The tariffs are a positive step, and long overdue.')).toBe('support');
      expect(stance('These tariffs are an unfriendly act.')).toBe('oppose');
      expect(stance('The tariffs were the wrong choice.')).toBe('oppose');
    });

    it('reads resolve, refusals to speculate and denied bargaining as what they are', () => {
      expect(stance('We will not rest until the tariffs are in place.')).toBe('support');
      expect(stance('I will not speculate about the tariffs. I do not negotiate through the press.')).toBe(
        'no-comment',
      );
      expect(stance('I am not going to go into the tariffs on individual firms.')).toBe('no-comment');
      expect(stance('The tariffs are not a bargaining chip.')).toBe('support');
      expect(stance('These tariffs help nobody. A trade war has no winners.')).toBe('oppose');
      expect(stance('The tariffs are our top priority.')).toBe('support');
      expect(stance('The renunciation of the tariffs is the cornerstone of a deal.')).toBe('oppose');
    });

    it('reads thanks and pleasantries as no position', () => {
      expect(stance('Thank you for having me to talk about tariffs.')).toBe('no-position');
      expect(stance('It is a pleasure to be back in Washington.')).toBe('no-position');
      expect(stance('Thank you. We support these tariffs.')).toBe('support');
    });

    it('reads a rhetorical question as denying what it asks', () => {
      expect(stance('Why should our families pay more? The tariffs must stay regardless.')).toBe('support');
      expect(stance('Why should our families pay these tariffs?')).toBe('oppose');
      expect(stance('How can we keep tariffs that ruin our own farmers?')).toBe('oppose');
      expect(stance('These tariffs are a good deal for whom?')).toBe('oppose');
      // A question asked to learn something is no denial.
      expect(stance('Will the tariffs stay?')).toBe('support');
    });

    it('reads a negated predicate after the topic’s words as a denial', () => {
      expect(stance('Tariffs are not the answer.')).toBe('oppose');
      expect(stance('The duties have not worked.')).toBe('oppose');
      // "not enough" asks for more, not for none.
      expect(stance('The tariffs are not enough.')).toBe('support');
    });

    it('reads calls to withdraw or reconsider as undoing', () => {
      expect(stance('We call on Washington to withdraw these tariffs.')).toBe('oppose');
      expect(stance('We urge them to reconsider the duties.')).toBe('oppose');
    });

    it('reads deferrals and study as hedges, and concern as opposition', () => {
      expect(stance('We are studying the tariffs carefully.')).toBe('hedged');
      expect(stance('We will decide on tariffs in due course.')).toBe('hedged');
      expect(stance('The tariffs are deeply concerning for our exporters.')).toBe('oppose');
    });

    it('reads a participle of resolve before its "to" as a side taken, not as a past verb', () => {
      expect(stance('prepared to move on the tariffs')).toBe('support');
      expect(stance('The tariffs were extended to March.')).toBe('no-position');
    });

    it('reads "even if" as conceding, not as a condition', () => {
      expect(stance('We would keep these tariffs even if they had asked us to drop nothing.')).toBe(
        'support',
      );
      expect(stance('We would keep these tariffs only if they kept theirs.')).toBe('conditional-support');
    });

    it('reads a measure kept as a last resort as conditional', () => {
      expect(stance('Tariffs are a last resort.')).toBe('conditional-support');
    });

    it('reads "madness", "folly" and a measure "disguised as" another as criticism', () => {
      expect(stance('These tariffs are madness.')).toBe('oppose');
      expect(stance('Tariffs disguised as security policy.')).toBe('oppose');
      expect(stance('Raising duties now would be folly.')).toBe('oppose');
    });

    it('reads a denied doubt ("nobody should doubt", "make no mistake") as emphasis, not as a negation', () => {
      expect(stance('Make no mistake, we want these tariffs.')).toBe('support');
      expect(stance('Nobody should doubt our tariffs.')).toBe('support');
    });

    it('reads doing one’s part and refusing to stand aside as engagement, not as a refusal', () => {
      expect(stance('We will do our part on tariffs.')).toBe('support');
      expect(stance('We will not stand idly by on tariffs, and we will do our part.')).toBe('support');
    });

    it('reads a measure "being discussed" as undecided, and "a big day" as welcome like "a historic" one', () => {
      expect(stance('Tariffs are being discussed.')).toBe('hedged');
      // Strong enough for a reaction that names no subject to take the story's.
      expect(guessStance(seedCues, 'A big day for everyone.', 'tariffs', tariffs)).toMatchObject({
        stance: 'support',
        cueWeight: 0.8,
      });
    });

    it('reads readiness that names no act as a measure held in reserve: support on a condition', () => {
      expect(stance('Our list of tariffs is ready.')).toBe('conditional-support');
      expect(stance('On tariffs, we stand ready.')).toBe('conditional-support');
      expect(stance('We are ready to raise tariffs.')).toBe('support');
    });

    it('reads "if you …, you …" as saying what a thing amounts to, not as a condition', () => {
      expect(stance('If you raise tariffs, you tax your own consumers.')).toBe('support');
      expect(stance('If they raise tariffs, our tariffs follow.')).toBe('conditional-support');
    });

    it('sets aside what others said, reported to be answered', () => {
      expect(stance('Critics said these tariffs would never work. Well, the tariffs are working.')).toBe(
        'support',
      );
      expect(stance('These tariffs would never work.')).toBe('oppose');
    });

    it('reads a detailed discussion as a report on the talks, even beside a clause of time', () => {
      expect(stance('A good, detailed discussion of tariffs until late in the evening.')).toBe('no-position');
    });

    it('reads a past event told with a preposition after its verb as a description', () => {
      expect(stance('The tariff papers arrived at the ministry on Tuesday morning.')).toBe('no-position');
    });

    it('reads "opposes", harm and unaffordability as opposition, and a pause on the measure as its undoing', () => {
      expect(stance('Beijing firmly opposes the tariffs.')).toBe('oppose');
      expect(stance('These tariffs will only hurt our consumers.')).toBe('oppose');
      expect(stance('Tariffs this high are unaffordable for small firms.')).toBe('oppose');
      expect(stance('The pause on tariffs will stay in place.')).toBe('oppose');
      expect(stance('We have to wait and see on tariffs.')).toBe('hedged');
    });
  });

  it('rates a deflection beside words that take a side as no-comment, but too unsure to record unseen', () => {
    const sanctions = topics[1];
    const alone = guessStance(cues, 'That is a matter for the ministers.', 'russia.sanctions', sanctions);
    expect(alone).toMatchObject({ stance: 'no-comment', confidence: 0.9 });
    const beside = guessStance(
      cues,
      'That is a matter for our people, and we reject any interference.',
      'russia.sanctions',
      sanctions,
    );
    expect(beside.stance).toBe('no-comment');
    expect(beside.confidence).toBeLessThanOrEqual(0.5);
  });
});
