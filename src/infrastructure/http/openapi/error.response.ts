import { ApiProperty } from '@nestjs/swagger';

export class ErrorDetailResponse {
  /** Stable, machine-readable: `AREA.RULE`, e.g. `STANCE.NOT_IN_FORCE`. */
  code!: string;

  /** For people, in the domain's words. */
  message!: string;

  /** What the code needs: for `REQUEST.VALIDATION_FAILED` a list of `{field, rule, message}`, else an object naming the field and values involved. */
  @ApiProperty({
    oneOf: [
      { type: 'object', additionalProperties: true },
      { type: 'array', items: { type: 'object' } },
    ],
  })
  details!: Record<string, unknown> | Record<string, unknown>[];
}

/** Every 4xx and 5xx answer. */
export class ErrorResponse {
  error!: ErrorDetailResponse;
}
