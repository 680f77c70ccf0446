import { CatalogueProjector } from '../../src/catalogue/catalogue.projector';
import { ProjectionSpec } from '../support/projection-spec';

jest.setTimeout(60_000);

const spec = ProjectionSpec.for(() => new CatalogueProjector());
const T0 = '2025-01-01T00:00:00.000Z';
const T1 = '2025-01-02T00:00:00.000Z';
const ACTORS =
  'SELECT actor_id, name, kind, aliases, roles, registered_at, updated_at FROM actors ORDER BY actor_id';
const TOPICS =
  'SELECT topic_id, parent_id, title, proposition, registered_at, updated_at FROM topics ORDER BY topic_id';

const registered = {
  type: 'ActorRegistered',
  data: { actorId: 'keir-starmer', name: 'Keir Starmer', kind: 'person', recordedAt: T0 },
};
const role = {
  roleId: 'pm',
  title: 'Prime Minister',
  organisation: 'UK Government',
  from: '2024-07-05',
  to: null,
};
const actor = {
  actor_id: 'keir-starmer',
  name: 'Keir Starmer',
  kind: 'person',
  aliases: [],
  roles: [],
  registered_at: new Date(T0),
  updated_at: new Date(T0),
};
const later = (type: string, data: object) => ({
  type,
  data: { actorId: 'keir-starmer', ...data, recordedAt: T1 },
});

describe('catalogue: actors and topics folded with the deciders’ own evolve', () => {
  it('ActorRegistered adds the actor', () => spec.given().when(registered).then(ACTORS, [actor]));

  it('ActorRenamed changes the name and the update time, not the registration time', () =>
    spec
      .given(registered)
      .when(later('ActorRenamed', { name: 'Sir Keir Starmer' }))
      .then(ACTORS, [{ ...actor, name: 'Sir Keir Starmer', updated_at: new Date(T1) }]));

  it('ActorAliasAdded and ActorAliasRemoved keep the aliases', () =>
    spec
      .given(registered, later('ActorAliasAdded', { alias: 'Starmer' }))
      .when(later('ActorAliasAdded', { alias: 'the PM' }), later('ActorAliasRemoved', { alias: 'Starmer' }))
      .then(ACTORS, [{ ...actor, aliases: ['the PM'], updated_at: new Date(T1) }]));

  it('ActorRoleAssigned, ActorRoleAmended and ActorRoleRemoved keep the roles in order of start', () =>
    spec
      .given(
        registered,
        later('ActorRoleAssigned', role),
        later('ActorRoleAssigned', {
          ...role,
          roleId: 'lo',
          title: 'Leader of the Opposition',
          from: '2020-04-04',
        }),
      )
      .when(
        later('ActorRoleAmended', {
          ...role,
          roleId: 'lo',
          title: 'Leader of the Opposition',
          from: '2020-04-04',
          to: '2024-07-05',
        }),
        later('ActorRoleRemoved', { roleId: 'pm', reason: 'Entered by mistake.' }),
      )
      .then(ACTORS, [
        {
          ...actor,
          roles: [
            {
              roleId: 'lo',
              title: 'Leader of the Opposition',
              organisation: 'UK Government',
              from: '2020-04-04',
              to: '2024-07-05',
            },
          ],
          updated_at: new Date(T1),
        },
      ]));

  it('TopicRegistered adds the topic under its parent', () =>
    spec
      .given()
      .when({
        type: 'TopicRegistered',
        data: { topicId: 'ukraine.troops', title: 'Troops', proposition: 'Send troops.', recordedAt: T0 },
      })
      .then(TOPICS, [
        {
          topic_id: 'ukraine.troops',
          parent_id: 'ukraine',
          title: 'Troops',
          proposition: 'Send troops.',
          registered_at: new Date(T0),
          updated_at: new Date(T0),
        },
      ]));

  it('TopicReworded changes the wording and the update time, not the registration time', () =>
    spec
      .given({
        type: 'TopicRegistered',
        data: { topicId: 'ukraine.troops', title: 'Troops', proposition: 'Send troops.', recordedAt: T0 },
      })
      .when({
        type: 'TopicReworded',
        data: {
          topicId: 'ukraine.troops',
          title: 'Troops to Ukraine',
          proposition: 'Send troops to Ukraine.',
          reason: 'Clearer.',
          recordedAt: T1,
        },
      })
      .then(TOPICS, [
        {
          topic_id: 'ukraine.troops',
          parent_id: 'ukraine',
          title: 'Troops to Ukraine',
          proposition: 'Send troops to Ukraine.',
          registered_at: new Date(T0),
          updated_at: new Date(T1),
        },
      ]));
});
