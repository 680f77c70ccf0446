import { IsUUID } from 'class-validator';

export class EndpointParams {
  @IsUUID()
  endpointId!: string;
}
