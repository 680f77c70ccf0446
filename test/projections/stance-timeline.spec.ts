import {
  aCorrection,
  aRecordPosition,
  aRetraction,
  aSource,
  aSourceAdded,
  aWithdrawal,
  statedFrom,
  T0,
} from '@domain/testing/position.builders';
import { StanceTimelineProjector } from '../../src/positions/stance-timeline/stance-timeline.projector';
import { ProjectionSpec } from '../support/projection-spec';

jest.setTimeout(60_000);

const spec = ProjectionSpec.for(() => new StanceTimelineProjector());
const T1 = '2025-02-28T12:00:00.000Z';
const stated = statedFrom(aRecordPosition({ positionId: 'p-1', recordedAt: T0 }));
const at = (iso: string) => new Date(iso);
const VERSIONS = `SELECT position_id, stance, score, change, reason, sources, withdrawn_at, retracted, stated_revision::int,
  revision::int, first_recorded_at, recorded_from, recorded_to FROM stance_timeline ORDER BY version_id`;

const first = {
  position_id: 'p-1',
  stance: 'conditional-opposition',
  score: -0.5,
  change: 'stated',
  reason: null,
  sources: [aSource()],
  withdrawn_at: null,
  retracted: false,
  stated_revision: 0,
  revision: 0,
  first_recorded_at: at(T0),
  recorded_from: at(T0),
};

describe('stance_timeline: one row per version of a position, valid in record time', () => {
  it('PositionStated opens the first version, with every field of the statement', () =>
    spec
      .given()
      .when(stated)
      .then(
        `SELECT actor_id, topic_id, position_id, stance, score, conditions, summary, quote, evidence_type, stated_at,
           stated_at_precision, confidence, sources, withdrawn_at, retracted, change, reason, stated_revision::int,
           first_recorded_at, recorded_from, recorded_to, revision::int FROM stance_timeline`,
        [
          {
            actor_id: stated.data.actorId,
            topic_id: stated.data.topicId,
            position_id: 'p-1',
            stance: stated.data.stance,
            score: -0.5,
            conditions: stated.data.conditions,
            summary: stated.data.summary,
            quote: stated.data.quote,
            evidence_type: 'direct-quote',
            stated_at: at(stated.data.statedAt),
            stated_at_precision: 'day',
            confidence: 0.9,
            sources: stated.data.sources,
            withdrawn_at: null,
            retracted: false,
            change: 'stated',
            reason: null,
            stated_revision: 0,
            first_recorded_at: at(T0),
            recorded_from: at(T0),
            recorded_to: null,
            revision: 0,
          },
        ],
      ));

  it('PositionSourceAdded closes the version and opens one with the source added', () => {
    const source = aSource({ outlet: 'Reuters', text: 'Not beyond very much.' });
    return spec
      .given(stated)
      .when(aSourceAdded({ source, recordedAt: T1 }))
      .then(VERSIONS, [
        { ...first, recorded_to: at(T1) },
        {
          ...first,
          change: 'source-added',
          sources: [aSource(), source],
          revision: 1,
          recorded_from: at(T1),
          recorded_to: null,
        },
      ]);
  });

  it('PositionWithdrawn records when it stopped holding, and why', () =>
    spec
      .given(stated)
      .when(aWithdrawal({ reason: 'Said so on air.', recordedAt: T1 }))
      .then(VERSIONS, [
        { ...first, recorded_to: at(T1) },
        {
          ...first,
          change: 'withdrawn',
          reason: 'Said so on air.',
          withdrawn_at: at('2025-02-27T00:00:00.000Z'),
          revision: 1,
          recorded_from: at(T1),
          recorded_to: null,
        },
      ]));

  it('PositionCorrected changes the fields from its record time on, and the score with the stance', () =>
    spec
      .given(stated)
      .when(aCorrection({ recordedAt: T1 }))
      .then(VERSIONS, [
        { ...first, recorded_to: at(T1) },
        {
          ...first,
          stance: 'support',
          score: 1,
          change: 'corrected',
          reason: 'Misread.',
          revision: 1,
          recorded_from: at(T1),
          recorded_to: null,
        },
      ]));

  it('PositionRetracted keeps the history and marks the last version retracted', () =>
    spec
      .given(stated)
      .when(aRetraction({ recordedAt: T1 }))
      .then(VERSIONS, [
        { ...first, recorded_to: at(T1) },
        {
          ...first,
          change: 'retracted',
          reason: 'Misattributed.',
          retracted: true,
          revision: 1,
          recorded_from: at(T1),
          recorded_to: null,
        },
      ]));

  it('folds several events of one position within one page, closing each version where the next opens', () =>
    spec
      .given()
      .when(stated, aRetraction({ recordedAt: T1 }))
      .then(`SELECT change, recorded_from, recorded_to FROM stance_timeline ORDER BY version_id`, [
        { change: 'stated', recorded_from: at(T0), recorded_to: at(T1) },
        { change: 'retracted', recorded_from: at(T1), recorded_to: null },
      ]));

  it('ignores a change to a position it never saw stated', () =>
    spec
      .given()
      .when(aRetraction({ positionId: 'p-unknown', recordedAt: T1 }))
      .then('SELECT * FROM stance_timeline', []));
});
