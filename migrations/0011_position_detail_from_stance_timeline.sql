-- A position's detail is read from its stance-timeline versions (the latest, and every version's change), so the
-- timeline keeps the revision of the event behind each version and the position_details read model goes. The
-- stance timeline is emptied to be rebuilt from the log (read models are disposable): its projection starts over.
DROP TABLE position_details;
DELETE FROM projection_checkpoints WHERE projection_name = 'position-details';

DELETE FROM stance_timeline;
UPDATE projection_checkpoints SET checkpoint = NULL, events_processed = 0, updated_at = now()
  WHERE projection_name = 'stance-timeline';
ALTER TABLE stance_timeline ADD COLUMN revision bigint NOT NULL;
