/**
 * CAMEO event codes (Schrodt's Conflict and Mediation Event Observations) and their Goldstein weights (-10 most
 * conflictual, +10 most cooperative) for the topics whose proposition is one kind of CAMEO event. The code is the
 * event the proposition calls for; a stance says whether the actor wants it, so the weight is not signed by it.
 */
export type CameoMapping = { cameoCode: string; cameoLabel: string; goldstein: number };

const BY_TOPIC_PREFIX: readonly [string, CameoMapping][] = [
  [
    'trade.tariffs.uk-exemption',
    { cameoCode: '085', cameoLabel: 'Ease economic sanctions, boycott, or embargo', goldstein: 7.0 },
  ],
  [
    'ukraine.security-guarantees',
    {
      cameoCode: '0334',
      cameoLabel: 'Express intent to provide military protection or peacekeeping',
      goldstein: 5.2,
    },
  ],
  [
    'ukraine.peacekeeping-troops',
    {
      cameoCode: '0334',
      cameoLabel: 'Express intent to provide military protection or peacekeeping',
      goldstein: 5.2,
    },
  ],
  [
    'ukraine.military-aid',
    { cameoCode: '0332', cameoLabel: 'Express intent to provide military aid', goldstein: 5.2 },
  ],
  [
    'ukraine.minerals-deal',
    { cameoCode: '0311', cameoLabel: 'Express intent to cooperate economically', goldstein: 5.2 },
  ],
  [
    'ukraine.peace-talks',
    { cameoCode: '036', cameoLabel: 'Express intent to meet or negotiate', goldstein: 4.0 },
  ],
  ['ukraine.ceasefire', { cameoCode: '0871', cameoLabel: 'Declare truce, ceasefire', goldstein: 9.0 }],
  [
    'ukraine.war.russia-aggressor',
    { cameoCode: '111', cameoLabel: 'Criticize or denounce', goldstein: -2.0 },
  ],
  [
    'russia.sanctions',
    { cameoCode: '163', cameoLabel: 'Impose embargo, boycott, or sanctions', goldstein: -8.0 },
  ],
  [
    'trade.tariffs',
    { cameoCode: '163', cameoLabel: 'Impose embargo, boycott, or sanctions', goldstein: -8.0 },
  ],
];

/** The first mapping whose topic is the topic or one of its ancestors (specific ones come first); null where none maps. */
export const cameoFor = (topicId: string): CameoMapping | null =>
  BY_TOPIC_PREFIX.find(([prefix]) => topicId === prefix || topicId.startsWith(`${prefix}.`))?.[1] ?? null;
