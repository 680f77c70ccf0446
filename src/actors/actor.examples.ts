/** The OpenAPI examples' actor, from the seeds. */
export const STARMER_ACTOR = {
  id: 'keir-starmer',
  name: 'Keir Starmer',
  kind: 'person',
  aliases: ['Sir Keir', 'the PM'],
  roles: [
    {
      roleId: 'prime-minister-of-the-united-kingdom-2024-07-05',
      title: 'Prime Minister of the United Kingdom',
      organisation: 'UK Government',
      from: '2024-07-05',
      to: null,
    },
  ],
  registeredAt: '2025-02-28T09:00:00.000Z',
  updatedAt: '2025-02-28T09:00:00.000Z',
};
