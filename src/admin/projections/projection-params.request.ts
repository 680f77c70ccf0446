import { IsString, Length } from 'class-validator';

export class ProjectionParams {
  @IsString()
  @Length(1, 100)
  name!: string;
}
