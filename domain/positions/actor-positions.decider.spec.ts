import { deciderSpecification } from '../testing/decider-specification';
import { ActorNotFoundError } from '../actors/actor.errors';
import { UnknownTopicError } from '../topics/topic.errors';
import { actorRegistered, aRecordPosition, aSource, statedFrom, T0 } from '../testing/position.builders';
import { actorPositionsDecider } from './actor-positions.decider';
import {
  ConditionsNotAllowedError,
  ConditionsRequiredError,
  DuplicateSourceError,
  EmptyCorrectionError,
  PositionAlreadyWithdrawnError,
  PositionIdConflictError,
  PositionNotFoundError,
  PositionRetractedError,
  QuotationRequiredError,
  RecordedBeforeLastChangeError,
  SourceRequiredError,
  StatedAfterRecordedError,
  WithdrawalAfterRecordedError,
  WithdrawalBeforeStatementError,
} from './position.errors';
import type { ActorPositionsCommand, PositionCommand, RateShift } from './position.commands';
import { InvalidFlipRatingError, RatingReasonRequiredError, ShiftNotFoundError } from './shift-rating.errors';

const given = deciderSpecification(actorPositionsDecider);
const record = aRecordPosition();
const stated = statedFrom(record);
const later = '2025-03-01T00:00:00.000Z';
const ids = { positionId: 'p-1', actorId: 'donald-trump' };

describe('actor positions decider', () => {
  describe('RecordPosition', () => {
    it('states a position for a registered actor', () =>
      given([actorRegistered()]).when(record).then([stated]));

    it('normalises a day-precision statedAt to the start of that day (UTC)', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ statedAt: '2025-02-26T17:45:00.000Z' }))
        .then([statedFrom(aRecordPosition({ statedAt: '2025-02-26T00:00:00.000Z' }))]));

    it('normalises a week-precision statedAt to the Monday that starts the week', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ statedAt: '2025-02-20T00:00:00.000Z', statedAtPrecision: 'week' }))
        .then([
          statedFrom(aRecordPosition({ statedAt: '2025-02-17T00:00:00.000Z', statedAtPrecision: 'week' })),
        ]));

    it('refuses an unknown actor', () => given([]).when(record).thenThrows(ActorNotFoundError));

    it('refuses an unknown topic', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ knownTopicIds: [] }))
        .thenThrows(UnknownTopicError, (error: UnknownTopicError) => error.details.field === 'topicId'));

    it('refuses an unknown topic named in a condition', () =>
      given([actorRegistered()])
        .when(
          aRecordPosition({ conditions: [{ text: 'only with NATO', topicId: 'ukraine.nato-membership' }] }),
        )
        .thenThrows(
          UnknownTopicError,
          (error: UnknownTopicError) => error.details.field === 'conditions[0].topicId',
        ));

    it('refuses a statement dated after the time it is recorded', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ statedAt: '2025-02-28T00:00:00.000Z' }))
        .thenThrows(StatedAfterRecordedError));

    it('refuses a direct quote without its quotation', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ quote: '  ' }))
        .thenThrows(QuotationRequiredError));

    it('accepts a paraphrase without a quotation', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ quote: null, evidenceType: 'paraphrase' }))
        .then([statedFrom(aRecordPosition({ quote: null, evidenceType: 'paraphrase' }))]));

    it('refuses a conditional stance without conditions', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ conditions: [] }))
        .thenThrows(ConditionsRequiredError));

    it('refuses conditions on an unconditional stance', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ stance: 'oppose' }))
        .thenThrows(ConditionsNotAllowedError));

    it('refuses a position without a source', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ sources: [] }))
        .thenThrows(SourceRequiredError));

    it('refuses the same source twice', () =>
      given([actorRegistered()])
        .when(aRecordPosition({ sources: [aSource(), aSource({ text: 'other words' })] }))
        .thenThrows(DuplicateSourceError));

    it('does nothing when the same position is recorded again (replay)', () =>
      given([actorRegistered(), stated])
        .when(aRecordPosition({ recordedAt: later }))
        .thenNothingHappened());

    it('refuses a position id already used for other content', () =>
      given([actorRegistered(), stated])
        .when(aRecordPosition({ summary: 'something else' }))
        .thenThrows(PositionIdConflictError));
  });

  describe('AddSource', () => {
    const other = aSource({ articleId: '001_77906e7cbb8d6d91', outlet: 'PA Media' });
    const addSource = (source = other): PositionCommand => ({
      type: 'AddSource',
      data: { ...ids, source, recordedAt: later },
    });

    it('adds another outlet', () =>
      given([actorRegistered(), stated])
        .when(addSource())
        .then([{ type: 'PositionSourceAdded', data: { ...ids, source: other, recordedAt: later } }]));

    it('refuses a backfilled source known before the position last changed in the record', () =>
      given([
        actorRegistered(),
        stated,
        {
          type: 'PositionSourceAdded',
          data: { ...ids, source: aSource({ articleId: 'a-3' }), recordedAt: later },
        },
      ])
        .when({ type: 'AddSource', data: { ...ids, source: other, recordedAt: T0 } })
        .thenThrows(
          RecordedBeforeLastChangeError,
          (error: RecordedBeforeLastChangeError) => error.details.lastRecordedAt === later,
        ));

    it('refuses a source the position already cites', () =>
      given([actorRegistered(), stated]).when(addSource(aSource())).thenThrows(DuplicateSourceError));

    it('refuses an unknown position', () =>
      given([actorRegistered()]).when(addSource()).thenThrows(PositionNotFoundError));
  });

  describe('WithdrawPosition', () => {
    const withdraw = (effectiveAt: string, recordedAt = later): PositionCommand => ({
      type: 'WithdrawPosition',
      data: { ...ids, effectiveAt, reason: 'walked back', quote: null, recordedAt },
    });

    it('withdraws from a valid time', () =>
      given([actorRegistered(), stated])
        .when(withdraw('2025-02-28T10:00:00.000Z'))
        .then([
          {
            type: 'PositionWithdrawn',
            data: {
              ...ids,
              effectiveAt: '2025-02-28T10:00:00.000Z',
              reason: 'walked back',
              quote: null,
              recordedAt: later,
            },
          },
        ]));

    it('refuses a withdrawal effective before the statement', () =>
      given([actorRegistered(), stated])
        .when(withdraw('2025-02-25T00:00:00.000Z'))
        .thenThrows(WithdrawalBeforeStatementError));

    it('refuses a withdrawal effective after it is recorded', () =>
      given([actorRegistered(), stated])
        .when(withdraw('2025-03-02T00:00:00.000Z'))
        .thenThrows(WithdrawalAfterRecordedError));

    it('refuses a second withdrawal', () =>
      given([
        actorRegistered(),
        stated,
        {
          type: 'PositionWithdrawn',
          data: { ...ids, effectiveAt: T0, reason: 'x', quote: null, recordedAt: T0 },
        },
      ])
        .when(withdraw(later))
        .thenThrows(PositionAlreadyWithdrawnError));
  });

  describe('CorrectPosition and RetractPosition', () => {
    const correct = (changes: object): PositionCommand => ({
      type: 'CorrectPosition',
      data: {
        ...ids,
        changes,
        reason: 'misread',
        recordedAt: later,
        knownTopicIds: record.data.knownTopicIds,
      },
    });
    const retract: PositionCommand = {
      type: 'RetractPosition',
      data: { ...ids, reason: 'misattributed', recordedAt: later },
    };

    it('records only the fields that change', () =>
      given([actorRegistered(), stated])
        .when(correct({ confidence: 0.6, summary: stated.data.summary }))
        .then([
          {
            type: 'PositionCorrected',
            data: { ...ids, changes: { confidence: 0.6 }, reason: 'misread', recordedAt: later },
          },
        ]));

    it('refuses a correction that changes nothing', () =>
      given([actorRegistered(), stated])
        .when(correct({ confidence: 0.9 }))
        .thenThrows(EmptyCorrectionError));

    it('re-checks the corrected position as a whole', () =>
      given([actorRegistered(), stated])
        .when(correct({ stance: 'oppose' }))
        .thenThrows(ConditionsNotAllowedError));

    it('refuses a corrected statedAt after the position was first recorded', () =>
      given([actorRegistered(), stated])
        .when(correct({ statedAt: '2025-02-28T00:00:00.000Z' }))
        .thenThrows(StatedAfterRecordedError));

    it('retracts a position', () =>
      given([actorRegistered(), stated])
        .when(retract)
        .then([{ type: 'PositionRetracted', data: retract.data as never }]));

    it('refuses to act on a retracted position', () =>
      given([actorRegistered(), stated, { type: 'PositionRetracted', data: retract.data as never }])
        .when(correct({ confidence: 0.5 }))
        .thenThrows(PositionRetractedError));
  });
});

describe('RateShift', () => {
  const shiftId = 'ukraine.security-guarantees.us~none~p-1';
  const knownShifts = [{ shiftId, topicId: 'ukraine.security-guarantees.us' }];
  const rate = (overrides: Partial<RateShift['data']> = {}): ActorPositionsCommand => ({
    type: 'RateShift',
    data: {
      actorId: 'donald-trump',
      shiftId,
      rating: 'half-flip',
      reason: 'the condition changes the meaning',
      recordedAt: later,
      knownShifts,
      ...overrides,
    },
  });
  it("records an editor's rating of a known shift", () =>
    given([actorRegistered(), stated])
      .when(rate())
      .then([
        {
          type: 'ShiftRatingOverridden',
          data: {
            actorId: 'donald-trump',
            topicId: 'ukraine.security-guarantees.us',
            shiftId,
            rating: 'half-flip',
            reason: 'the condition changes the meaning',
            recordedAt: later,
          },
        },
      ]));
  it('refuses a shift the actor does not have', () =>
    given([actorRegistered(), stated])
      .when(rate({ shiftId: 'ukraine.nato-membership~none~p-9' }))
      .thenThrows(ShiftNotFoundError, (error: ShiftNotFoundError) => error.details.field === 'shiftId'));
  it('refuses a rating off the Flip-O-Meter', () =>
    given([actorRegistered(), stated])
      .when(rate({ rating: 'flip-flop' }))
      .thenThrows(
        InvalidFlipRatingError,
        (error: InvalidFlipRatingError) => error.details.field === 'rating',
      ));
  it('refuses a rating without a reason', () =>
    given([actorRegistered(), stated])
      .when(rate({ reason: '  ' }))
      .thenThrows(RatingReasonRequiredError));
  it('refuses an unknown actor', () => given([]).when(rate()).thenThrows(ActorNotFoundError));
});
