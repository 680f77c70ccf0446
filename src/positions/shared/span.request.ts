import { IsInt, Max, Min } from 'class-validator';

export class SpanRequest {
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  start!: number;

  @IsInt()
  @Min(1)
  @Max(10_000_000)
  end!: number;
}
