import { isPositionEvent, type PositionEvent, stanceAsOf } from '@domain/positions';
import {
  aCorrection,
  aRecordPosition,
  aRetraction,
  aSource,
  aWithdrawal,
  statedFrom,
} from '@domain/testing/position.builders';
import { generateHistory, seededRandom } from '../../../test/support/generated-positions';
import { isoTimeMs, StanceIndex, writeIsoJson } from './stance-index';

const feb26 = '2025-02-26T00:00:00.000Z';
const mar1 = '2025-03-01T00:00:00.000Z';
const mar5 = '2025-03-05T00:00:00.000Z';
const apr1 = '2025-04-01T00:00:00.000Z';
const asOf = (at: string, knownAt: string) => ({ at: new Date(at), knownAt: new Date(knownAt) });

const indexOf = (events: PositionEvent[]) => {
  const index = new StanceIndex();
  events.forEach((event, revision) => index.apply(event, String(revision + 1)));
  return index;
};

describe('StanceIndex', () => {
  const first = statedFrom(aRecordPosition({ positionId: 'p-1', statedAt: feb26, recordedAt: mar1 }));
  const corrected: PositionEvent = {
    type: 'PositionCorrected',
    data: {
      actorId: 'donald-trump',
      positionId: 'p-1',
      changes: { topicId: 'ukraine.security-guarantees.europe' },
      reason: 'wrong topic',
      recordedAt: mar5,
    },
  };

  it('answers a correction from its record time on, and the earlier version before it', () => {
    const index = indexOf([first, corrected]);
    const topics = (knownAt: string) =>
      index.stancesOf('donald-trump', asOf(apr1, knownAt)).map((stance) => stance.topicId);
    expect(topics(mar1)).toEqual(['ukraine.security-guarantees.us']);
    expect(topics(mar5)).toEqual(['ukraine.security-guarantees.europe']);
    expect(index.versions).toBe(2);
  });

  it('answers one topic, and nothing for an actor it has never seen', () => {
    const index = indexOf([first, corrected]);
    expect(index.stancesOf('donald-trump', asOf(apr1, mar1), 'ukraine.security-guarantees.us')).toHaveLength(
      1,
    );
    expect(index.stancesOf('donald-trump', asOf(apr1, apr1), 'ukraine.security-guarantees.us')).toEqual([]);
    expect(index.stancesOf('keir-starmer', asOf(apr1, apr1))).toEqual([]);
  });

  it.each([
    ['a withdrawal', aWithdrawal({ actorId: 'keir-starmer', positionId: 'p-unknown' })],
    ['a retraction', aRetraction({ actorId: 'keir-starmer', positionId: 'p-unknown' })],
    ['a correction', aCorrection({ actorId: 'keir-starmer', positionId: 'p-unknown' })],
  ])(
    'ignores %s of a position never stated, as stanceAsOf does, before and after a compact',
    (_, unknown: PositionEvent) => {
      const trump = [first, corrected];
      const index = indexOf([...trump, unknown]);
      const answers = () =>
        [mar1, apr1].map((knownAt) => ({
          trump: index.stancesOf('donald-trump', asOf(apr1, knownAt)),
          starmer: index.stancesOf('keir-starmer', asOf(apr1, knownAt)),
        }));
      const expected = [mar1, apr1].map((knownAt) => ({
        trump: stanceAsOf(trump, asOf(apr1, knownAt)),
        starmer: stanceAsOf([unknown], asOf(apr1, knownAt)),
      }));
      expect(expected[1].starmer).toEqual([]);
      expect(answers()).toEqual(expected);
      index.compact();
      expect(answers()).toEqual(expected);
      expect(index.versions).toBe(2);
    },
  );

  it.each([
    [
      'a statement',
      statedFrom(aRecordPosition({ positionId: 'p-2', stance: 'maybe' as never, recordedAt: mar5 })),
    ],
    [
      'a restatement',
      statedFrom(aRecordPosition({ positionId: 'p-1', stance: 'maybe' as never, recordedAt: mar5 })),
    ],
    ['a correction', aCorrection({ changes: { stance: 'maybe' as never }, recordedAt: mar5 })],
  ])('rejects %s with an unknown stance and stays as it was', (_, rejected: PositionEvent) => {
    const index = indexOf([first]);
    expect(() => index.apply(rejected, '2')).toThrow('stance index: unknown stance "maybe"');
    expect(index.versions).toBe(1);
    for (const knownAt of [mar1, apr1])
      expect(index.stancesOf('donald-trump', asOf(apr1, knownAt))).toEqual(
        stanceAsOf([first], asOf(apr1, knownAt)),
      );
  });

  it('answers exactly what stanceAsOf answers over generated histories, at random times', () => {
    const random = seededRandom(20251201);
    const topics = ['gen.alpha', 'gen.beta', 'gen.gamma', 'gen.delta'];
    const start = Date.parse('2025-01-01T00:00:00Z');
    const histories = Array.from({ length: 8 }, (_, n) =>
      generateHistory(`gen-${n}`, topics, 300, random, start),
    );
    const index = new StanceIndex();
    for (const history of histories)
      history.events.forEach((event, revision) => {
        if (isPositionEvent(event)) index.apply(event, String(revision));
      });
    const end = start + 300 * 6 * 3_600_000;
    let nonEmpty = 0;
    for (let round = 0; round < 2000; round++) {
      const history = histories[round % histories.length];
      const at = new Date(start - 90 * 86_400_000 + Math.floor(random() * (end - start + 90 * 86_400_000)));
      const knownAt = new Date(start + Math.floor(random() * (end - start)));
      const expected = stanceAsOf(history.events, { at, knownAt });
      expect({ at, knownAt, stances: index.stancesOf(history.actorId, { at, knownAt }) }).toEqual({
        at,
        knownAt,
        stances: expected,
      });
      if (expected.length > 0) nonEmpty += 1;
    }
    expect(nonEmpty).toBeGreaterThan(1000);
  });
  it.each([
    ['slabs of 65,536 rows', undefined],
    ['slabs of 256 rows', 256],
  ])(
    'answers exactly what stanceAsOf answers for many actors interleaved, across growth and a compact (%s)',
    (_, slabRows) => {
      const random = seededRandom(20251206);
      const topics = ['gen.alpha', 'gen.beta', 'gen.gamma'];
      const start = Date.parse('2025-01-01T00:00:00Z');
      // More actors, rows and positions than the arrays and the table of positions first hold.
      const histories = Array.from({ length: 1_200 }, (_, n) =>
        generateHistory(`many-${n}`, topics, 12, random, start),
      );
      const index = new StanceIndex({ slabRows });
      const longest = Math.max(...histories.map((history) => history.events.length));
      for (let revision = 0; revision < longest; revision++) {
        if (revision === Math.floor(longest / 2)) index.compact();
        for (const history of histories) {
          const event = history.events[revision];
          if (event && isPositionEvent(event)) index.apply(event, String(revision));
        }
      }
      expect(index.actorCount).toBe(1_200);
      expect(index.versions).toBeGreaterThan(5_000);
      const end = start + 12 * 6 * 3_600_000;
      let nonEmpty = 0;
      for (const [n, history] of histories.entries()) {
        const at = new Date(start - 30 * 86_400_000 + Math.floor(random() * (end - start + 30 * 86_400_000)));
        const knownAt = new Date(n % 2 === 0 ? end : start + Math.floor(random() * (end - start)));
        const expected = stanceAsOf(history.events, { at, knownAt });
        expect(index.stancesOf(history.actorId, { at, knownAt })).toEqual(expected);
        if (expected.length > 0) nonEmpty += 1;
      }
      expect(nonEmpty).toBeGreaterThan(600);
    },
  );

  it('keeps the words the events gave: times not in ISO form, sources with other keys, a position stated again', () => {
    const oddSource = { url: 'https://example.org/a', outlet: 'Odd', text: 'keys out of order' };
    const events: PositionEvent[] = [
      statedFrom(
        aRecordPosition({
          positionId: 'p-odd',
          statedAt: '2025-02-26T00:00:00Z',
          recordedAt: '2025-03-01T00:00:00.000+00:00',
          sources: [
            aSource(),
            oddSource as never,
            aSource({ span: null, url: 'https://example.org/\u0001' }),
          ],
        }),
      ),
      {
        type: 'PositionSourceAdded',
        data: {
          actorId: 'donald-trump',
          positionId: 'p-odd',
          source: aSource({ outlet: 'Later' }),
          recordedAt: mar5,
        },
      },
      {
        type: 'PositionCorrected',
        data: {
          actorId: 'donald-trump',
          positionId: 'p-odd',
          changes: { statedAt: '2025-02-25T00:00:00.000Z', summary: 'corrected' },
          reason: 'wrong day',
          recordedAt: '2025-03-06T00:00:00.000Z',
        },
      },
      statedFrom(aRecordPosition({ positionId: 'p-odd', summary: 'stated again', recordedAt: apr1 })),
    ];
    const index = indexOf(events);
    for (const knownAt of [mar1, mar5, '2025-03-06T00:00:00.000Z', apr1]) {
      const asOfThen = asOf(apr1, knownAt);
      const rendered = index
        .renderedStancesOf('donald-trump', asOfThen)
        .map((json) => new TextDecoder().decode(json));
      expect(index.stancesOf('donald-trump', asOfThen)).toEqual(stanceAsOf(events, asOfThen));
      expect(rendered.map((json) => JSON.stringify(JSON.parse(json)))).toEqual(rendered);
      if (knownAt !== apr1) expect(rendered[0]).toContain(JSON.stringify(oddSource));
    }
    const first = index
      .renderedStancesOf('donald-trump', asOf(apr1, mar1))
      .map((json) => new TextDecoder().decode(json));
    expect(first[0]).toContain('"statedAt":"2025-02-26T00:00:00Z"');
    expect(first[0]).toContain('"recordedAt":"2025-03-01T00:00:00.000+00:00"');
    expect(index.versions).toBe(4);
  });
  it("keeps a source whose keys come in the log's JSONB order as compactly as one in Source's order", () => {
    const source = aSource();
    // JSONB orders an object's keys by length, then bytes.
    const jsonbOrder = Object.fromEntries(
      Object.entries(source).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1)),
    );
    expect(Object.keys(jsonbOrder)).not.toEqual(Object.keys(source));
    const stated = (sources: unknown[]) => [
      statedFrom(aRecordPosition({ positionId: 'p-1', sources: sources as never, recordedAt: mar1 })),
    ];
    const inOrder = indexOf(stated([source]));
    const reordered = indexOf(stated([jsonbOrder]));
    expect(reordered.jsonBytes).toBe(inOrder.jsonBytes);
    const render = (index: StanceIndex) =>
      index.renderedStancesOf('donald-trump', asOf(apr1, apr1)).map((json) => new TextDecoder().decode(json));
    expect(render(reordered)).toEqual(render(inOrder));
    expect(JSON.parse(render(reordered)[0]).sources).toEqual([source]);
  });

  it('leaves out of the words exactly the times that toISOString gives back', () => {
    const texts = [
      '2024-02-29T23:59:59.999Z',
      '0000-01-01T00:00:00.000Z',
      '2025-02-29T00:00:00.000Z',
      '2025-04-31T00:00:00.000Z',
      '2025-01-01T24:00:00.000Z',
      '2025-01-01T12:60:00.000Z',
      '2025-01-01T12:00:60.000Z',
      '2025-13-01T00:00:00.000Z',
      '2025-00-01T00:00:00.000Z',
      '2025-01-00T00:00:00.000Z',
      '2025-01-01T00:00:00.000+00:00',
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:00:00,000Z',
      '2025-01-01 00:00:00.000Z',
      '2100-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00.000Z',
    ];
    const random = seededRandom(11);
    for (let n = 0; n < 1_000; n++) texts.push(new Date(Math.floor(random() * 4e12) - 1e12).toISOString());
    for (const text of texts) {
      const ms = Date.parse(text);
      expect({ text, ms: isoTimeMs(text) }).toEqual({
        text,
        ms: !Number.isNaN(ms) && new Date(ms).toISOString() === text ? ms : Number.NaN,
      });
    }
  });

  it('writes those times back as toISOString does', () => {
    const random = seededRandom(12);
    const first = Date.parse('0000-01-01T00:00:00.000Z');
    const last = Date.parse('9999-12-31T23:59:59.999Z');
    const times = [
      first,
      last,
      0,
      -1,
      Date.parse('2000-02-29T23:59:59.999Z'),
      Date.parse('2100-03-01T00:00:00.000Z'),
    ];
    for (let n = 0; n < 20_000; n++) times.push(first + Math.floor(random() * (last - first)));
    const out = new Uint8Array(30);
    for (const ms of times) {
      const end = writeIsoJson(out, 2, ms);
      const json = new TextDecoder().decode(out.subarray(2, end));
      expect({ ms, json }).toEqual({ ms, json: `"${new Date(ms).toISOString()}"` });
    }
  });
});

describe('StanceIndex images', () => {
  const topics = ['gen.alpha', 'gen.beta', 'gen.gamma'];
  const start = Date.parse('2025-01-01T00:00:00Z');
  const end = start + 12 * 6 * 3_600_000;

  it.each([
    ['slabs of 65,536 rows, compacted', undefined, true],
    ['slabs of 256 rows, not compacted', 256, false],
  ])(
    'loads an image taken part-way into exactly the index it was, which then follows the rest of the log (%s)',
    (_, slabRows, compacted) => {
      const random = seededRandom(20261207);
      const histories = Array.from({ length: 700 }, (_, n) =>
        generateHistory(`img-${n}`, topics, 12, random, start),
      );
      const index = new StanceIndex({ slabRows });
      const longest = Math.max(...histories.map((history) => history.events.length));
      const applyRevision = (target: StanceIndex, revision: number) => {
        for (const history of histories) {
          const event = history.events[revision];
          if (event && isPositionEvent(event)) target.apply(event, String(revision));
        }
      };
      const half = Math.floor(longest / 2);
      for (let revision = 0; revision < half; revision++) applyRevision(index, revision);
      if (compacted) index.compact();
      const image = index.image();
      // Loaded from memory that starts at an odd offset too: the arrays are then copied to be aligned.
      const shifted = new Uint8Array(image.length + 1);
      shifted.set(image, 1);
      const restored = [StanceIndex.fromImage(image), StanceIndex.fromImage(shifted.subarray(1))];
      for (const copy of restored) {
        expect(copy.versions).toBe(index.versions);
        expect(copy.actorCount).toBe(index.actorCount);
        // The image holds the arena's bytes in use, not the room left in its last chunk.
        if (compacted) expect(copy.jsonBytes).toBe(index.jsonBytes);
        else expect(copy.jsonBytes).toBeLessThan(index.jsonBytes);
      }
      for (let revision = half; revision < longest; revision++)
        for (const target of [index, ...restored]) applyRevision(target, revision);
      let nonEmpty = 0;
      for (const history of histories) {
        const at = new Date(start - 30 * 86_400_000 + Math.floor(random() * (end - start + 30 * 86_400_000)));
        const knownAt = new Date(start + Math.floor(random() * (end - start)));
        const expected = stanceAsOf(history.events, { at, knownAt });
        for (const target of [index, ...restored])
          expect(target.stancesOf(history.actorId, { at, knownAt })).toEqual(expected);
        if (expected.length > 0) nonEmpty += 1;
      }
      expect(nonEmpty).toBeGreaterThan(300);
      // Actors and topics first seen after the image.
      const late = statedFrom(
        aRecordPosition({ actorId: 'late-actor', positionId: 'late-1', topicId: 'gen.late' }),
      );
      for (const target of restored) target.apply(late, '1');
      expect(restored[0].stancesOf('late-actor', asOf(apr1, apr1))).toEqual(
        stanceAsOf([late], asOf(apr1, apr1)),
      );
    },
  );

  it('loads the image of an empty index', () => {
    const restored = StanceIndex.fromImage(new StanceIndex().image());
    expect(restored.versions).toBe(0);
    const first = statedFrom(aRecordPosition({ positionId: 'p-1', statedAt: feb26, recordedAt: mar1 }));
    restored.apply(first, '1');
    expect(restored.stancesOf(first.data.actorId, asOf(apr1, apr1))).toEqual(
      stanceAsOf([first], asOf(apr1, apr1)),
    );
  });

  it('refuses bytes that are not an image of this format, or are cut short', () => {
    const index = new StanceIndex();
    index.apply(statedFrom(aRecordPosition({ positionId: 'p-1', statedAt: feb26, recordedAt: mar1 })), '1');
    const image = index.image();
    expect(() => StanceIndex.fromImage(image.subarray(0, image.length - 16))).toThrow(
      /stance index image: too short/,
    );
    const header = new TextEncoder().encode(JSON.stringify({ format: 0 }));
    const other = new Uint8Array(8 + header.length);
    new DataView(other.buffer).setUint32(0, header.length, true);
    other.set(header, 4);
    expect(() => StanceIndex.fromImage(other)).toThrow(/stance index image: format 0/);
  });
});
