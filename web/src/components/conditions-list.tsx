import { Link } from '../router';
import type { Condition } from '../types';

/** Each condition, linked to its topic where it has one (to a lane on this page when `laneHref` finds one). */
export const ConditionsList = ({
  conditions,
  laneHref,
}: {
  conditions: Condition[];
  laneHref?: (topicId: string) => string | null;
}) =>
  conditions.length === 0 ? null : (
    <ul class="conditions">
      {conditions.map((condition, index) => (
        <li key={index}>
          {condition.text}
          {condition.topicId && (
            <>
              {' '}
              (topic:{' '}
              {laneHref?.(condition.topicId) ? (
                <a href={laneHref(condition.topicId) as string}>{condition.topicId}</a>
              ) : (
                <Link href={`/app/topics/${encodeURIComponent(condition.topicId)}`}>{condition.topicId}</Link>
              )}
              )
            </>
          )}
        </li>
      ))}
    </ul>
  );
