export type TopicView = {
  id: string;
  parentId: string | null;
  title: string;
  proposition: string;
  registeredAt: string;
  updatedAt: string;
};

export const TOPIC_SELECT = `SELECT topic_id AS id, parent_id AS "parentId", title, proposition,
  registered_at AS "registeredAt", updated_at AS "updatedAt" FROM topics`;

export const toTopicView = (
  row: Omit<TopicView, 'registeredAt' | 'updatedAt'> & { registeredAt: Date; updatedAt: Date },
): TopicView => ({
  ...row,
  registeredAt: new Date(row.registeredAt).toISOString(),
  updatedAt: new Date(row.updatedAt).toISOString(),
});
